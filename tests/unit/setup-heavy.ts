import { installHeavy } from '@/lib/heavy/api';

// In the extension the background loads the heavy code as a script of its own (lib/heavy/load.ts); here it is imported.
installHeavy();
