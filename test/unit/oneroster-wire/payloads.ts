/** Hand-built payloads that satisfy the official schemas, for round-trip tests. */

const HOST = "https://roster.example.org/ims/oneroster";
const ref = (path: string, sourcedId: string, type: string) => ({
  href: `${HOST}/${path}/${sourcedId}`,
  sourcedId,
  type,
});

const lifecycle = { status: "active", dateLastModified: "2024-09-01T12:00:00.000Z" };

export const user = {
  sourcedId: "usr-123",
  ...lifecycle,
  metadata: { "edfi.staffUniqueId": "207219" },
  userMasterIdentifier: "207219",
  username: "jdoe",
  userIds: [{ type: "LDAP", identifier: "jdoe@district.org" }],
  enabledUser: "true",
  givenName: "Jane",
  familyName: "Doe",
  preferredFirstName: "Janie",
  pronouns: "she/her/hers",
  roles: [
    {
      roleType: "primary",
      role: "teacher",
      org: ref("rostering/v1p2/orgs", "sch-1", "org"),
      userProfile: "https://apps.example.org/profiles/lms",
      beginDate: "2024-08-15",
    },
    { roleType: "secondary", role: "ext:coach", org: ref("rostering/v1p2/orgs", "dst-1", "org") },
  ],
  userProfiles: [
    {
      profileId: "https://apps.example.org/profiles/lms",
      profileType: "lms",
      vendorId: "example",
      credentials: [{ type: "password", username: "jdoe", vendorField: "kept" }],
    },
  ],
  primaryOrg: ref("rostering/v1p2/orgs", "sch-1", "org"),
  email: "jdoe@district.org",
  agents: [ref("rostering/v1p2/users", "usr-900", "user")],
  grades: [],
};

export const klass = {
  sourcedId: "cls-7",
  ...lifecycle,
  title: "Algebra I, period 3",
  classCode: "ALG1-3",
  classType: "scheduled",
  grades: ["09"],
  subjects: ["Mathematics"],
  subjectCodes: ["02052"],
  course: ref("rostering/v1p2/courses", "crs-1", "course"),
  school: ref("rostering/v1p2/orgs", "sch-1", "org"),
  terms: [ref("rostering/v1p2/academicSessions", "term-fall-2024", "academicSession")],
  periods: ["3"],
  resources: [ref("resources/v1p2/resources", "res-1", "resource")],
};

export const lineItem = {
  sourcedId: "li-1",
  ...lifecycle,
  title: "Chapter 1 quiz",
  description: "Linear equations",
  assignDate: "2024-09-02T08:00:00Z",
  dueDate: "2024-09-09T23:59:59+02:00",
  class: ref("rostering/v1p2/classes", "cls-7", "class"),
  school: ref("rostering/v1p2/orgs", "sch-1", "org"),
  category: ref("gradebook/v1p2/categories", "cat-quiz", "category"),
  academicSession: ref("rostering/v1p2/academicSessions", "gp-1", "academicSession"),
  scoreScale: ref("gradebook/v1p2/scoreScales", "ss-pct", "scoreScale"),
  resultValueMin: 0,
  resultValueMax: 100,
  learningObjectiveSet: [{ source: "case", learningObjectiveIds: ["lo-1", "lo-2"] }],
};

export const result = {
  sourcedId: "res-1",
  ...lifecycle,
  lineItem: ref("gradebook/v1p2/lineItems", "li-1", "lineItem"),
  student: ref("rostering/v1p2/users", "usr-42", "user"),
  class: ref("rostering/v1p2/classes", "cls-7", "class"),
  scoreStatus: "fully graded",
  score: 87.5,
  textScore: "B+",
  scoreDate: "2024-09-10",
  comment: "Good work",
  learningObjectiveSet: [
    { source: "/state", learningObjectiveResults: [{ learningObjectiveId: "lo-1", score: 3 }] },
  ],
  inProgress: "false",
  late: "true",
};
