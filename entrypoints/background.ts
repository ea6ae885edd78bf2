import { startBackground } from '@/utils/background/start-background';

// Wiring only: the logic lives in utils/background.
export default defineBackground(startBackground);
