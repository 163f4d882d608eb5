import { startBackground } from '@/lib/app/background/startBackground';

export default defineBackground(() => startBackground());
