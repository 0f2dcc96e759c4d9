export default defineContentScript({ matches: ['http://*/*', 'https://*/*'], allFrames: true, main() {} });
