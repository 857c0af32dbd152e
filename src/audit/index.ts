export { type Disclosure, recordDisclosure } from "./record-disclosure.ts";
