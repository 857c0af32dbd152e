import { defineOperations } from "./define-operations.ts";

/** The 35 operations of the official Gradebook service file, Assessment Results included. */
export const GRADEBOOK_OPERATIONS = defineOperations("gradebook", [
  {
    scopes: ["gradebook.readonly", "gradebook-core.readonly"],
    operations: [
      ["GET", "/categories", "getAllCategories"],
      ["GET", "/categories/{sourcedId}", "getCategory"],
      ["GET", "/lineItems", "getAllLineItems"],
      ["GET", "/lineItems/{sourcedId}", "getLineItem"],
      ["GET", "/results", "getAllResults"],
      ["GET", "/results/{sourcedId}", "getResult"],
      ["GET", "/scoreScales", "getAllScoreScales"],
      ["GET", "/scoreScales/{sourcedId}", "getScoreScale"],
    ],
  },
  {
    scopes: ["gradebook.readonly"],
    operations: [
      ["GET", "/classes/{classSourcedId}/categories", "getCategoriesForClass"],
      ["GET", "/classes/{classSourcedId}/lineItems", "getLineItemsForClass"],
      [
        "GET",
        "/classes/{classSourcedId}/lineItems/{lineItemSourcedId}/results",
        "getResultsForLineItemForClass",
      ],
      ["GET", "/classes/{classSourcedId}/results", "getResultsForClass"],
      ["GET", "/classes/{classSourcedId}/scoreScales", "getScoreScalesForClass"],
      [
        "GET",
        "/classes/{classSourcedId}/students/{studentSourcedId}/results",
        "getResultsForStudentForClass",
      ],
      ["GET", "/schools/{schoolSourcedId}/scoreScales", "getScoreScalesForSchool"],
    ],
  },
  {
    scopes: ["gradebook.createput"],
    operations: [
      ["PUT", "/categories/{sourcedId}", "putCategory"],
      ["PUT", "/lineItems/{sourcedId}", "putLineItem"],
      ["PUT", "/results/{sourcedId}", "putResult"],
      ["PUT", "/scoreScales/{sourcedId}", "putScoreScale"],
    ],
  },
  {
    scopes: ["gradebook.createpost"],
    operations: [
      [
        "POST",
        "/classes/{classSourcedId}/academicSessions/{academicSessionSourcedId}/results",
        "postResultsForAcademicSessionForClass",
      ],
      ["POST", "/classes/{classSourcedId}/lineItems", "postLineItemsForClass"],
      ["POST", "/lineItems/{lineItemSourcedId}/results", "postResultsForLineItem"],
      ["POST", "/schools/{schoolSourcedId}/lineItems", "postLineItemsForSchool"],
    ],
  },
  {
    scopes: ["gradebook.delete"],
    operations: [
      ["DELETE", "/categories/{sourcedId}", "deleteCategory"],
      ["DELETE", "/lineItems/{sourcedId}", "deleteLineItem"],
      ["DELETE", "/results/{sourcedId}", "deleteResult"],
      ["DELETE", "/scoreScales/{sourcedId}", "deleteScoreScale"],
    ],
  },
  {
    scopes: ["assessment.readonly"],
    operations: [
      ["GET", "/assessmentLineItems", "getAllAssessmentLineItems"],
      ["GET", "/assessmentLineItems/{sourcedId}", "getAssessmentLineItem"],
      ["GET", "/assessmentResults", "getAllAssessmentResults"],
      ["GET", "/assessmentResults/{sourcedId}", "getAssessmentResult"],
    ],
  },
  {
    scopes: ["assessment.createput"],
    operations: [
      ["PUT", "/assessmentLineItems/{sourcedId}", "putAssessmentLineItem"],
      ["PUT", "/assessmentResults/{sourcedId}", "putAssessmentResult"],
    ],
  },
  {
    scopes: ["assessment.delete"],
    operations: [
      ["DELETE", "/assessmentLineItems/{sourcedId}", "deleteAssessmentLineItem"],
      ["DELETE", "/assessmentResults/{sourcedId}", "deleteAssessmentResult"],
    ],
  },
]);
