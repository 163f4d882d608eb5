import { detectDeclaration } from '@/lib/detect/detectDeclaration';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main: () => detectDeclaration(),
});
