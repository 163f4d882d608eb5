import { startBackground } from '@/lib/background/startBackground';

export default defineBackground(() => startBackground());
