export { type DisclosedRecords, disclosedRecords } from "./disclosed-records.ts";
export { type Disclosure, type LoggedDisclosure, recordDisclosure } from "./record-disclosure.ts";
export { requesterAddress } from "./requester-address.ts";
