import { z } from "zod";

// Every schema in lib/validations imports z from here, so this runs before any of them is built. zod 4 otherwise
// probes `new Function("")` (to compile fast object parsers) the first time it builds an object schema; under the
// console's CSP (no 'unsafe-eval') the probe fails harmlessly but the browser reports it as a CSP violation.
z.config({ jitless: true });

export { z };
