export { type DisclosedRecords, disclosedRecords } from "./disclosed-records.ts";
export {
  type Disclosure,
  disclosureInsert,
  type LoggedDisclosure,
  type PageDisclosure,
  recordDisclosure,
} from "./record-disclosure.ts";
export { requesterAddress } from "./requester-address.ts";
