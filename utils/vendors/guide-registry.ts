// The guides the side panel shows, per console. Pages only: the guides are mostly text, and the
// background never needs them. They are registered with each console's descriptions in
// descriptions.ts; this module stays for the callers that import guides by this name.
export { guidesFor } from './descriptions';
