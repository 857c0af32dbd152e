import { defineOperations } from "./define-operations.ts";

/** The 41 operations of the official Rostering service file; all are reads. */
export const ROSTERING_OPERATIONS = defineOperations("rostering", [
  {
    scopes: ["roster.readonly", "roster-core.readonly"],
    operations: [
      ["GET", "/academicSessions", "getAllAcademicSessions"],
      ["GET", "/academicSessions/{sourcedId}", "getAcademicSession"],
      ["GET", "/classes", "getAllClasses"],
      ["GET", "/classes/{sourcedId}", "getClass"],
      ["GET", "/courses", "getAllCourses"],
      ["GET", "/courses/{sourcedId}", "getCourse"],
      ["GET", "/enrollments", "getAllEnrollments"],
      ["GET", "/enrollments/{sourcedId}", "getEnrollment"],
      ["GET", "/gradingPeriods", "getAllGradingPeriods"],
      ["GET", "/gradingPeriods/{sourcedId}", "getGradingPeriod"],
      ["GET", "/orgs", "getAllOrgs"],
      ["GET", "/orgs/{sourcedId}", "getOrg"],
      ["GET", "/schools", "getAllSchools"],
      ["GET", "/schools/{sourcedId}", "getSchool"],
      ["GET", "/students", "getAllStudents"],
      ["GET", "/students/{sourcedId}", "getStudent"],
      ["GET", "/teachers", "getAllTeachers"],
      ["GET", "/teachers/{sourcedId}", "getTeacher"],
      ["GET", "/terms", "getAllTerms"],
      ["GET", "/terms/{sourcedId}", "getTerm"],
      ["GET", "/users", "getAllUsers"],
      ["GET", "/users/{sourcedId}", "getUser"],
    ],
  },
  {
    scopes: ["roster.readonly"],
    operations: [
      ["GET", "/classes/{classSourcedId}/students", "getStudentsForClass"],
      ["GET", "/classes/{classSourcedId}/teachers", "getTeachersForClass"],
      ["GET", "/courses/{courseSourcedId}/classes", "getClassesForCourse"],
      ["GET", "/schools/{schoolSourcedId}/classes", "getClassesForSchool"],
      [
        "GET",
        "/schools/{schoolSourcedId}/classes/{classSourcedId}/enrollments",
        "getEnrollmentsForClassInSchool",
      ],
      [
        "GET",
        "/schools/{schoolSourcedId}/classes/{classSourcedId}/students",
        "getStudentsForClassInSchool",
      ],
      [
        "GET",
        "/schools/{schoolSourcedId}/classes/{classSourcedId}/teachers",
        "getTeachersForClassInSchool",
      ],
      ["GET", "/schools/{schoolSourcedId}/courses", "getCoursesForSchool"],
      ["GET", "/schools/{schoolSourcedId}/enrollments", "getEnrollmentsForSchool"],
      ["GET", "/schools/{schoolSourcedId}/students", "getStudentsForSchool"],
      ["GET", "/schools/{schoolSourcedId}/teachers", "getTeachersForSchool"],
      ["GET", "/schools/{schoolSourcedId}/terms", "getTermsForSchool"],
      ["GET", "/students/{studentSourcedId}/classes", "getClassesForStudent"],
      ["GET", "/teachers/{teacherSourcedId}/classes", "getClassesForTeacher"],
      ["GET", "/terms/{termSourcedId}/classes", "getClassesForTerm"],
      ["GET", "/terms/{termSourcedId}/gradingPeriods", "getGradingPeriodsForTerm"],
      ["GET", "/users/{userSourcedId}/classes", "getClassesForUser"],
    ],
  },
  {
    // Demographics need their own scope whatever else the token holds.
    scopes: ["roster-demographics.readonly"],
    operations: [
      ["GET", "/demographics", "getAllDemographics"],
      ["GET", "/demographics/{sourcedId}", "getDemographics"],
    ],
  },
]);
