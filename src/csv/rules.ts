/**
 * Every rule the CSV reader applies, with its severity and the fix a person is shown. One table
 * so that docs/csv-import.md, the report and the code cannot drift apart (a test checks the doc).
 */

export type Severity = "error" | "warning";

export interface RuleInfo {
  severity: Severity;
  /** The plain-language fix shown when the problem does not carry a more specific one. */
  fix: string;
}

const error = (fix: string): RuleInfo => ({ severity: "error", fix });
const warning = (fix: string): RuleInfo => ({ severity: "warning", fix });

const SAVE_AS_CSV_UTF8 = 'Save the sheet again with "CSV UTF-8 (comma delimited)".';

export const RULES = {
  "package.unreadable": error("Upload a .zip file or a folder holding the CSV files."),
  "package.read_failed": error("Upload the package again; if it keeps failing, re-create it."),
  "package.missing_manifest": error("Add manifest.csv at the root of the package."),
  "package.ignored_entry": warning("Nothing to do: the entry is not a OneRoster CSV file."),
  "package.unknown_file": error(
    "Rename the file to one of the 21 OneRoster file names, or remove it.",
  ),
  "package.file_name_case": error("Rename the file with the exact spelling and capitals shown."),
  "package.missing_file": error("Add the file, or mark it absent in manifest.csv."),
  "package.undeclared_file": error("Mark the file bulk or delta in manifest.csv, or remove it."),

  "zip.unreadable": error("Re-create the zip with a standard zip tool and upload it again."),
  "zip.too_many_entries": error("Keep only manifest.csv and the OneRoster CSV files in the zip."),
  "zip.entry_too_large": error("Split the data over several imports, or ask for a higher limit."),
  "zip.total_too_large": error("Split the data over several imports, or ask for a higher limit."),
  "zip.compression_ratio": error("Re-create the zip from the real CSV files."),
  "zip.size_mismatch": error("The zip is damaged or forged: re-create it from the CSV files."),
  "zip.encrypted_entry": error("Create the zip without a password."),
  "zip.unsupported_compression": error("Create the zip with standard (deflate) compression."),
  "zip.nested_path": error(
    "Put the CSV files at the top of the zip: select the files themselves and compress them, not their folder.",
  ),
  "zip.directory_entry": error("Create the zip from the CSV files only, without folders."),
  "zip.duplicate_entry": error("Keep one copy of each file in the zip."),

  "manifest.header": error("Make the first line of manifest.csv exactly: propertyName,value"),
  "manifest.missing_property": error("Add the property to manifest.csv."),
  "manifest.version_format": warning("Write manifest.version as 1.0."),
  "manifest.invalid_version": error("Write manifest.version as 1.0."),
  "manifest.unsupported_oneroster_version": error(
    "Write oneroster.version as 1.2 (or 1.1 for a 1.1 package).",
  ),
  "manifest.missing_file_property": warning(
    "List every file in manifest.csv, with absent for the ones not sent.",
  ),
  "manifest.invalid_value": error("Write absent, bulk or delta."),
  "manifest.value_case": warning("Write the value in lower case: absent, bulk or delta."),
  "manifest.unknown_property": error("Remove the line or correct the property name."),
  "manifest.duplicate_property": error("Keep one line per property."),
  "manifest.too_long": error("Check that manifest.csv is the manifest: it has about 25 lines."),
  "manifest.suspicious_source": warning(
    "Check the line: source.* properties name the sending system.",
  ),

  "csv.bom": warning(
    "Nothing to do; saving as plain UTF-8 without a byte-order mark avoids this note.",
  ),
  "csv.not_utf8": error(SAVE_AS_CSV_UTF8),
  "csv.bare_carriage_return": error("Save the file with Windows (CRLF) or Unix (LF) line endings."),
  "csv.line_break_in_field": error(
    "Remove the line break from the cell; OneRoster cells are one line.",
  ),
  "csv.malformed": error(
    'Put quotes around a cell that holds a comma or a quote, and double the quote inside ("").',
  ),
  "csv.record_too_large": error("Close the quoted cell on the same line, or shorten the row."),
  "csv.wrong_delimiter": error(SAVE_AS_CSV_UTF8),

  "file.empty": error("Remove the file and mark it absent in manifest.csv."),
  "file.no_data_rows": error("Remove the file and mark it absent in manifest.csv."),

  "header.misspelled": error("Correct the column name in the first line."),
  "header.wrong_case": error("Write the column name with the exact capitals shown."),
  "header.unknown_column": error(
    "Rename the column to metadata.<name> to keep it as an extension, or remove it.",
  ),
  "header.blank_name": error("Name the column, or delete it if it is empty."),
  "header.control_character": error(
    "Retype the column name in the first line: it holds a character that cannot be seen.",
  ),
  "header.duplicate": error("Keep one column of each name."),
  "header.missing_column": error("Add the column (it may be left blank where it is optional)."),
  "header.order": error("Put the columns in the order the binding defines."),
  "header.metadata_position": error("Move metadata.* columns after all the OneRoster columns."),
  "header.whitespace": warning("Remove the spaces around the column name."),
  "header.legacy_resource_ids": warning(
    "Send user-resource links in userResources.csv (OneRoster 1.2.1).",
  ),

  "row.blank": warning("Nothing to do; delete empty lines to silence this note."),
  "row.trailing_blank_cells": warning(
    "Nothing to do; delete the extra commas at the end of the line to silence this note.",
  ),
  "row.width_mismatch": error("Give the row one cell per column of the first line."),

  "cell.required": error("Fill in the cell."),
  "cell.not_utf8": error(SAVE_AS_CSV_UTF8),
  "cell.control_character": error(
    "Delete the invisible character from the cell (it often comes from a copy-paste or a database export), then save the file again.",
  ),
  "cell.whitespace": warning("Remove the spaces around the value."),
  "cell.invalid_guid": error("Use only letters, digits and . / @ _ - (1 to 255 characters)."),
  "cell.invalid_date": error("Write the date as YYYY-MM-DD, e.g. 2023-05-01."),
  "cell.invalid_datetime": error(
    "Write the date-time as YYYY-MM-DDTHH:MM:SS.sssZ in UTC, e.g. 2023-05-01T18:25:43.511Z.",
  ),
  "cell.datetime_format": warning("Write the date-time as YYYY-MM-DDTHH:MM:SS.sssZ in UTC."),
  "cell.invalid_year": error("Write the year with four digits, e.g. 2024."),
  "cell.invalid_float": error("Write a plain number with a dot for decimals, e.g. 12.5."),
  "cell.invalid_boolean": error("Write true or false."),
  "cell.boolean_case": warning("Write true or false in lower case."),
  "cell.invalid_enum": error("Use one of the values listed in the message."),
  "cell.enum_case": warning("Write the value with the exact capitals shown."),
  "cell.list_spaces": warning("Separate list items with a comma only, no spaces."),
  "cell.empty_list_item": error("Remove the extra comma from the list."),
  "cell.invalid_user_ids": error(
    "Write each identifier as {type:identifier}, separated by commas, e.g. {LDAP:12},{LTI:15}.",
  ),
  "cell.invalid_score_scale_value": error(
    "Write each score as {value:meaning}, separated by commas, e.g. {A:90-100},{B:80-89}.",
  ),
  "cell.subject_codes_mismatch": error("Give one subject code per subject, in the same order."),

  "lifecycle.filled_in_bulk": warning("Leave status and dateLastModified blank in a bulk file."),
  "lifecycle.delete_in_bulk": error(
    "Leave the row out of the bulk file: a bulk file is the complete list, so a missing row is deleted. Or send the file as delta.",
  ),
  "lifecycle.mixed_in_bulk": warning(
    "If the file holds only changes, mark it delta in manifest.csv and fill status and dateLastModified on every row.",
  ),
  "lifecycle.required_in_delta": error(
    "Fill status (active or tobedeleted) and dateLastModified on every delta row.",
  ),
  "lifecycle.invalid_status": error("Write active, or tobedeleted to delete the record."),
  "lifecycle.inactive_status": warning("Write tobedeleted instead of inactive."),

  "legacy.administrator_role": warning(
    "Check the role; send a OneRoster 1.2 roles.csv to say districtAdministrator or systemAdministrator.",
  ),

  // Checked by the loader (src/imports) against the whole package in the database.
  "reference.unknown_record": error(
    "Add the record it points at to the package (or import it first), or correct the identifier.",
  ),
  "row.duplicate_sourced_id": error("Give each record its own sourcedId; remove the repeated row."),
  "import.removal_held": error(
    "Check that the file is complete; if the removals are intended, import again with --force.",
  ),
  "scope.outside_org": error(
    "Leave records outside your org out of the package, or import with a client that is not restricted to an org.",
  ),
  "import.database_refused": error("Correct the data named in the message, then import again."),
} as const satisfies Record<string, RuleInfo>;

export type RuleCode = keyof typeof RULES;
