CREATE SEQUENCE "public"."change_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "academic_sessions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"parent_sourced_id" text,
	"school_year" text NOT NULL,
	"org_sourced_id" text,
	CONSTRAINT "academic_sessions_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "academic_sessions_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "academic_sessions_status_check" CHECK ("academic_sessions"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "academic_sessions_sourced_id_check" CHECK ("academic_sessions"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "academic_sessions_type_check" CHECK ("academic_sessions"."type" is null or "academic_sessions"."type" in ('gradingPeriod','semester','schoolYear','term') or "academic_sessions"."type" ~ '^ext:[a-zA-Z0-9.\-_]+$'),
	CONSTRAINT "academic_sessions_school_year_check" CHECK ("academic_sessions"."school_year" ~ '^[0-9]{4}$'),
	CONSTRAINT "academic_sessions_dates_check" CHECK ("academic_sessions"."end_date" >= "academic_sessions"."start_date")
);
--> statement-breakpoint
CREATE TABLE "class_resources" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"title" text,
	"class_sourced_id" text NOT NULL,
	"resource_sourced_id" text NOT NULL,
	CONSTRAINT "class_resources_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "class_resources_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "class_resources_status_check" CHECK ("class_resources"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "class_resources_sourced_id_check" CHECK ("class_resources"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$')
);
--> statement-breakpoint
CREATE TABLE "class_terms" (
	"tenant_id" uuid NOT NULL,
	"class_sourced_id" text NOT NULL,
	"term_sourced_id" text NOT NULL,
	CONSTRAINT "class_terms_pkey" PRIMARY KEY("tenant_id","class_sourced_id","term_sourced_id")
);
--> statement-breakpoint
CREATE TABLE "classes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"title" text NOT NULL,
	"class_code" text,
	"class_type" text,
	"location" text,
	"grades" text[],
	"subjects" text[],
	"subject_codes" text[],
	"periods" text[],
	"term_sourced_ids" text[] NOT NULL,
	"course_sourced_id" text NOT NULL,
	"school_sourced_id" text NOT NULL,
	CONSTRAINT "classes_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "classes_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "classes_status_check" CHECK ("classes"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "classes_sourced_id_check" CHECK ("classes"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "classes_class_type_check" CHECK ("classes"."class_type" is null or "classes"."class_type" in ('homeroom','scheduled') or "classes"."class_type" ~ '^ext:[a-zA-Z0-9.\-_]+$')
);
--> statement-breakpoint
CREATE TABLE "course_resources" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"title" text,
	"course_sourced_id" text NOT NULL,
	"resource_sourced_id" text NOT NULL,
	CONSTRAINT "course_resources_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "course_resources_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "course_resources_status_check" CHECK ("course_resources"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "course_resources_sourced_id_check" CHECK ("course_resources"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$')
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"title" text NOT NULL,
	"school_year_sourced_id" text,
	"course_code" text,
	"grades" text[],
	"subjects" text[],
	"subject_codes" text[],
	"org_sourced_id" text,
	CONSTRAINT "courses_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "courses_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "courses_status_check" CHECK ("courses"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "courses_sourced_id_check" CHECK ("courses"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$')
);
--> statement-breakpoint
CREATE TABLE "enrollments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"user_sourced_id" text NOT NULL,
	"class_sourced_id" text NOT NULL,
	"school_sourced_id" text NOT NULL,
	"role" text NOT NULL,
	"primary" boolean,
	"begin_date" date,
	"end_date" date,
	CONSTRAINT "enrollments_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "enrollments_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "enrollments_status_check" CHECK ("enrollments"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "enrollments_sourced_id_check" CHECK ("enrollments"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "enrollments_role_check" CHECK ("enrollments"."role" is null or "enrollments"."role" in ('administrator','proctor','student','teacher') or "enrollments"."role" ~ '^ext:[a-zA-Z0-9.\-_]+$'),
	CONSTRAINT "enrollments_dates_check" CHECK ("enrollments"."end_date" is null or "enrollments"."begin_date" is null or "enrollments"."end_date" >= "enrollments"."begin_date")
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"vendor_resource_id" text NOT NULL,
	"title" text,
	"roles" text[],
	"importance" text,
	"vendor_id" text,
	"application_id" text,
	CONSTRAINT "resources_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "resources_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "resources_status_check" CHECK ("resources"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "resources_sourced_id_check" CHECK ("resources"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "resources_importance_check" CHECK ("resources"."importance" is null or "resources"."importance" in ('primary','secondary'))
);
--> statement-breakpoint
CREATE TABLE "user_resources" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"user_sourced_id" text NOT NULL,
	"org_sourced_id" text,
	"class_sourced_id" text,
	"resource_sourced_id" text NOT NULL,
	CONSTRAINT "user_resources_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "user_resources_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "user_resources_status_check" CHECK ("user_resources"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "user_resources_sourced_id_check" CHECK ("user_resources"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$')
);
--> statement-breakpoint
CREATE TABLE "calendar_dates" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"calendar_sourced_id" text NOT NULL,
	"date" date NOT NULL,
	"events" text[] NOT NULL,
	CONSTRAINT "calendar_dates_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "calendar_dates_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "calendar_dates_status_check" CHECK ("calendar_dates"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "calendar_dates_sourced_id_check" CHECK ("calendar_dates"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "calendar_dates_events_check" CHECK (cardinality("calendar_dates"."events") > 0)
);
--> statement-breakpoint
CREATE TABLE "calendars" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"school_sourced_id" text NOT NULL,
	"school_year" integer NOT NULL,
	"calendar_code" text NOT NULL,
	"calendar_type" text DEFAULT 'Student Specific' NOT NULL,
	CONSTRAINT "calendars_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "calendars_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "calendars_status_check" CHECK ("calendars"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "calendars_sourced_id_check" CHECK ("calendars"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$')
);
--> statement-breakpoint
CREATE TABLE "class_attendance_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"student_sourced_id" text NOT NULL,
	"class_sourced_id" text NOT NULL,
	"event_date" date NOT NULL,
	"category" text NOT NULL,
	"reason" text,
	CONSTRAINT "class_attendance_events_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "class_attendance_events_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "class_attendance_events_status_check" CHECK ("class_attendance_events"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "class_attendance_events_sourced_id_check" CHECK ("class_attendance_events"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "class_attendance_category_check" CHECK ("class_attendance_events"."category" in ('In Attendance','Excused Absence','Unexcused Absence','Tardy','Early departure'))
);
--> statement-breakpoint
CREATE TABLE "school_attendance_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"student_sourced_id" text NOT NULL,
	"school_sourced_id" text NOT NULL,
	"session_sourced_id" text NOT NULL,
	"event_date" date NOT NULL,
	"category" text NOT NULL,
	"reason" text,
	"arrival_time" time,
	"departure_time" time,
	"duration_minutes" integer,
	CONSTRAINT "school_attendance_events_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "school_attendance_events_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "school_attendance_events_status_check" CHECK ("school_attendance_events"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "school_attendance_events_sourced_id_check" CHECK ("school_attendance_events"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "school_attendance_category_check" CHECK ("school_attendance_events"."category" in ('In Attendance','Excused Absence','Unexcused Absence','Tardy','Early departure'))
);
--> statement-breakpoint
CREATE TABLE "api_clients" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"client_id" text NOT NULL,
	"name" text NOT NULL,
	"secret_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"org_sourced_id" text,
	"rate_limit_per_minute" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_clients_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "api_clients_clientId_unique" UNIQUE("client_id")
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"dry_run" boolean DEFAULT false NOT NULL,
	"force" boolean DEFAULT false NOT NULL,
	"file_name" text,
	"bytes_total" bigint,
	"bytes_done" bigint DEFAULT 0 NOT NULL,
	"rows_done" bigint DEFAULT 0 NOT NULL,
	"counts" jsonb,
	"report" jsonb,
	"error" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "import_jobs_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "import_jobs_status_check" CHECK ("import_jobs"."status" in ('queued','running','succeeded','failed','rejected'))
);
--> statement-breakpoint
CREATE TABLE "assessment_line_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"class_sourced_id" text,
	"parent_sourced_id" text,
	"score_scale_sourced_id" text,
	"result_value_min" double precision,
	"result_value_max" double precision,
	"learning_objective_set" jsonb,
	CONSTRAINT "assessment_line_items_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "assessment_line_items_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "assessment_line_items_status_check" CHECK ("assessment_line_items"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "assessment_line_items_sourced_id_check" CHECK ("assessment_line_items"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "assessment_line_items_value_range_check" CHECK ("assessment_line_items"."result_value_min" is null or "assessment_line_items"."result_value_max" is null or "assessment_line_items"."result_value_min" <= "assessment_line_items"."result_value_max")
);
--> statement-breakpoint
CREATE TABLE "assessment_results" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"assessment_line_item_sourced_id" text NOT NULL,
	"student_sourced_id" text NOT NULL,
	"score" double precision,
	"text_score" text,
	"score_date" date NOT NULL,
	"score_scale_sourced_id" text,
	"score_percentile" double precision,
	"score_status" text NOT NULL,
	"comment" text,
	"learning_objective_set" jsonb,
	"in_progress" boolean,
	"incomplete" boolean,
	"late" boolean,
	"missing" boolean,
	CONSTRAINT "assessment_results_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "assessment_results_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "assessment_results_status_check" CHECK ("assessment_results"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "assessment_results_sourced_id_check" CHECK ("assessment_results"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "assessment_results_score_status_check" CHECK ("assessment_results"."score_status" is null or "assessment_results"."score_status" in ('exempt','fully graded','not submitted','partially graded','submitted') or "assessment_results"."score_status" ~ '^ext:[a-zA-Z0-9.\-_]+$'),
	CONSTRAINT "assessment_results_percentile_check" CHECK ("assessment_results"."score_percentile" is null or "assessment_results"."score_percentile" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"title" text NOT NULL,
	"weight" double precision,
	CONSTRAINT "categories_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "categories_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "categories_status_check" CHECK ("categories"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "categories_sourced_id_check" CHECK ("categories"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$')
);
--> statement-breakpoint
CREATE TABLE "course_grades" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"student_sourced_id" text NOT NULL,
	"course_sourced_id" text NOT NULL,
	"class_sourced_id" text,
	"session_sourced_id" text NOT NULL,
	"final_letter_grade" text,
	"final_numeric_grade" double precision,
	"attempted_credits" double precision,
	"earned_credits" double precision,
	"course_attempt_result" text NOT NULL,
	CONSTRAINT "course_grades_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "course_grades_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "course_grades_status_check" CHECK ("course_grades"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "course_grades_sourced_id_check" CHECK ("course_grades"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "course_grades_attempt_result_check" CHECK ("course_grades"."course_attempt_result" in ('Pass','Fail','Incomplete','Withdrawn')),
	CONSTRAINT "course_grades_credits_check" CHECK ("course_grades"."earned_credits" is null or "course_grades"."attempted_credits" is null or "course_grades"."earned_credits" <= "course_grades"."attempted_credits")
);
--> statement-breakpoint
CREATE TABLE "line_item_learning_objectives" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"line_item_sourced_id" text NOT NULL,
	"source" text NOT NULL,
	"learning_objective_id" text NOT NULL,
	CONSTRAINT "line_item_learning_objectives_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "line_item_learning_objectives_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "line_item_learning_objectives_status_check" CHECK ("line_item_learning_objectives"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "line_item_learning_objectives_sourced_id_check" CHECK ("line_item_learning_objectives"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$')
);
--> statement-breakpoint
CREATE TABLE "line_item_score_scales" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"title" text,
	"line_item_sourced_id" text NOT NULL,
	"score_scale_sourced_id" text NOT NULL,
	CONSTRAINT "line_item_score_scales_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "line_item_score_scales_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "line_item_score_scales_status_check" CHECK ("line_item_score_scales"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "line_item_score_scales_sourced_id_check" CHECK ("line_item_score_scales"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$')
);
--> statement-breakpoint
CREATE TABLE "line_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"assign_date" timestamp (3) with time zone NOT NULL,
	"due_date" timestamp (3) with time zone NOT NULL,
	"class_sourced_id" text NOT NULL,
	"school_sourced_id" text NOT NULL,
	"category_sourced_id" text NOT NULL,
	"academic_session_sourced_id" text,
	"result_value_min" double precision,
	"result_value_max" double precision,
	CONSTRAINT "line_items_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "line_items_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "line_items_status_check" CHECK ("line_items"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "line_items_sourced_id_check" CHECK ("line_items"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "line_items_value_range_check" CHECK ("line_items"."result_value_min" is null or "line_items"."result_value_max" is null or "line_items"."result_value_min" <= "line_items"."result_value_max")
);
--> statement-breakpoint
CREATE TABLE "result_learning_objectives" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"result_sourced_id" text NOT NULL,
	"source" text NOT NULL,
	"learning_objective_id" text NOT NULL,
	"score" double precision,
	"text_score" text,
	CONSTRAINT "result_learning_objectives_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "result_learning_objectives_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "result_learning_objectives_status_check" CHECK ("result_learning_objectives"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "result_learning_objectives_sourced_id_check" CHECK ("result_learning_objectives"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$')
);
--> statement-breakpoint
CREATE TABLE "result_score_scales" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"title" text,
	"result_sourced_id" text NOT NULL,
	"score_scale_sourced_id" text NOT NULL,
	CONSTRAINT "result_score_scales_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "result_score_scales_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "result_score_scales_status_check" CHECK ("result_score_scales"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "result_score_scales_sourced_id_check" CHECK ("result_score_scales"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$')
);
--> statement-breakpoint
CREATE TABLE "results" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"line_item_sourced_id" text NOT NULL,
	"student_sourced_id" text NOT NULL,
	"class_sourced_id" text,
	"score_status" text NOT NULL,
	"score" double precision,
	"text_score" text,
	"score_date" date NOT NULL,
	"comment" text,
	"in_progress" boolean,
	"incomplete" boolean,
	"late" boolean,
	"missing" boolean,
	CONSTRAINT "results_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "results_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "results_status_check" CHECK ("results"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "results_sourced_id_check" CHECK ("results"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "results_score_status_check" CHECK ("results"."score_status" is null or "results"."score_status" in ('exempt','fully graded','not submitted','partially graded','submitted') or "results"."score_status" ~ '^ext:[a-zA-Z0-9.\-_]+$')
);
--> statement-breakpoint
CREATE TABLE "score_scales" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"org_sourced_id" text,
	"course_sourced_id" text,
	"class_sourced_id" text NOT NULL,
	"score_scale_value" jsonb NOT NULL,
	CONSTRAINT "score_scales_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "score_scales_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "score_scales_status_check" CHECK ("score_scales"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "score_scales_sourced_id_check" CHECK ("score_scales"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "score_scales_values_check" CHECK (jsonb_typeof("score_scales"."score_scale_value") = 'array' and jsonb_array_length("score_scales"."score_scale_value") > 0)
);
--> statement-breakpoint
CREATE TABLE "orgs" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"level" text,
	"identifier" text,
	"parent_sourced_id" text,
	"nces_id" text,
	"state_organization_id" text,
	"edfi_id" bigint,
	"address_line1" text,
	"address_line2" text,
	"city" text,
	"state_abbreviation" text,
	"postal_code" text,
	"country" text,
	CONSTRAINT "orgs_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "orgs_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "orgs_status_check" CHECK ("orgs"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "orgs_sourced_id_check" CHECK ("orgs"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "orgs_type_check" CHECK ("orgs"."type" is null or "orgs"."type" in ('department','district','local','national','school','state') or "orgs"."type" ~ '^ext:[a-zA-Z0-9.\-_]+$'),
	CONSTRAINT "orgs_level_check" CHECK ("orgs"."level" is null or "orgs"."level" in ('network','region','district','school','microschool'))
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenants_slug_unique" UNIQUE("slug"),
	CONSTRAINT "tenants_slug_check" CHECK ("tenants"."slug" ~ '^[a-z0-9][a-z0-9-]{0,62}$')
);
--> statement-breakpoint
CREATE TABLE "demographics" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"birth_date" date,
	"sex" text,
	"american_indian_or_alaska_native" boolean,
	"asian" boolean,
	"black_or_african_american" boolean,
	"native_hawaiian_or_other_pacific_islander" boolean,
	"white" boolean,
	"demographic_race_two_or_more_races" boolean,
	"hispanic_or_latino_ethnicity" boolean,
	"country_of_birth_code" text,
	"state_of_birth_abbreviation" text,
	"city_of_birth" text,
	"public_school_residence_status" text,
	CONSTRAINT "demographics_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "demographics_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "demographics_status_check" CHECK ("demographics"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "demographics_sourced_id_check" CHECK ("demographics"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "demographics_sex_check" CHECK ("demographics"."sex" is null or "demographics"."sex" in ('male','female','unspecified','other') or "demographics"."sex" ~ '^ext:[a-zA-Z0-9.\-_]+$')
);
--> statement-breakpoint
CREATE TABLE "user_agents" (
	"tenant_id" uuid NOT NULL,
	"user_sourced_id" text NOT NULL,
	"agent_sourced_id" text NOT NULL,
	CONSTRAINT "user_agents_pkey" PRIMARY KEY("tenant_id","user_sourced_id","agent_sourced_id")
);
--> statement-breakpoint
CREATE TABLE "user_profiles" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"user_sourced_id" text NOT NULL,
	"profile_type" text NOT NULL,
	"vendor_id" text NOT NULL,
	"application_id" text,
	"description" text,
	"credentials" jsonb NOT NULL,
	CONSTRAINT "user_profiles_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "user_profiles_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "user_profiles_status_check" CHECK ("user_profiles"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "user_profiles_sourced_id_check" CHECK ("user_profiles"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$')
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"user_sourced_id" text NOT NULL,
	"org_sourced_id" text NOT NULL,
	"role_type" text NOT NULL,
	"role" text NOT NULL,
	"begin_date" date,
	"end_date" date,
	"user_profile_sourced_id" text,
	CONSTRAINT "user_roles_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "user_roles_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "user_roles_status_check" CHECK ("user_roles"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "user_roles_sourced_id_check" CHECK ("user_roles"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "user_roles_role_type_check" CHECK ("user_roles"."role_type" in ('primary','secondary')),
	CONSTRAINT "user_roles_role_check" CHECK ("user_roles"."role" is null or "user_roles"."role" in ('aide','counselor','districtAdministrator','guardian','parent','principal','proctor','relative','siteAdministrator','student','systemAdministrator','teacher') or "user_roles"."role" ~ '^ext:[a-zA-Z0-9.\-_]+$'),
	CONSTRAINT "user_roles_dates_check" CHECK ("user_roles"."end_date" is null or "user_roles"."begin_date" is null or "user_roles"."end_date" >= "user_roles"."begin_date")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"enabled_user" boolean DEFAULT true NOT NULL,
	"username" text,
	"user_ids" jsonb,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"middle_name" text,
	"preferred_first_name" text,
	"preferred_middle_name" text,
	"preferred_last_name" text,
	"pronouns" text,
	"identifier" text,
	"user_master_identifier" text,
	"email" text,
	"sms" text,
	"phone" text,
	"grades" text[],
	"password" text,
	"primary_org_sourced_id" text,
	"agent_sourced_ids" text[],
	CONSTRAINT "users_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "users_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "users_status_check" CHECK ("users"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "users_sourced_id_check" CHECK ("users"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$')
);
--> statement-breakpoint
ALTER TABLE "academic_sessions" ADD CONSTRAINT "academic_sessions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academic_sessions" ADD CONSTRAINT "academic_sessions_parent_fkey" FOREIGN KEY ("tenant_id","parent_sourced_id") REFERENCES "public"."academic_sessions"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "academic_sessions" ADD CONSTRAINT "academic_sessions_org_fkey" FOREIGN KEY ("tenant_id","org_sourced_id") REFERENCES "public"."orgs"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "class_resources" ADD CONSTRAINT "class_resources_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_resources" ADD CONSTRAINT "class_resources_class_fkey" FOREIGN KEY ("tenant_id","class_sourced_id") REFERENCES "public"."classes"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "class_resources" ADD CONSTRAINT "class_resources_resource_fkey" FOREIGN KEY ("tenant_id","resource_sourced_id") REFERENCES "public"."resources"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "class_terms" ADD CONSTRAINT "class_terms_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_terms" ADD CONSTRAINT "class_terms_class_fkey" FOREIGN KEY ("tenant_id","class_sourced_id") REFERENCES "public"."classes"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "class_terms" ADD CONSTRAINT "class_terms_term_fkey" FOREIGN KEY ("tenant_id","term_sourced_id") REFERENCES "public"."academic_sessions"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_course_fkey" FOREIGN KEY ("tenant_id","course_sourced_id") REFERENCES "public"."courses"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_school_fkey" FOREIGN KEY ("tenant_id","school_sourced_id") REFERENCES "public"."orgs"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "course_resources" ADD CONSTRAINT "course_resources_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_resources" ADD CONSTRAINT "course_resources_course_fkey" FOREIGN KEY ("tenant_id","course_sourced_id") REFERENCES "public"."courses"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "course_resources" ADD CONSTRAINT "course_resources_resource_fkey" FOREIGN KEY ("tenant_id","resource_sourced_id") REFERENCES "public"."resources"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_school_year_fkey" FOREIGN KEY ("tenant_id","school_year_sourced_id") REFERENCES "public"."academic_sessions"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_org_fkey" FOREIGN KEY ("tenant_id","org_sourced_id") REFERENCES "public"."orgs"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_user_fkey" FOREIGN KEY ("tenant_id","user_sourced_id") REFERENCES "public"."users"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_class_fkey" FOREIGN KEY ("tenant_id","class_sourced_id") REFERENCES "public"."classes"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_school_fkey" FOREIGN KEY ("tenant_id","school_sourced_id") REFERENCES "public"."orgs"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_resources" ADD CONSTRAINT "user_resources_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_resources" ADD CONSTRAINT "user_resources_user_fkey" FOREIGN KEY ("tenant_id","user_sourced_id") REFERENCES "public"."users"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "user_resources" ADD CONSTRAINT "user_resources_org_fkey" FOREIGN KEY ("tenant_id","org_sourced_id") REFERENCES "public"."orgs"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "user_resources" ADD CONSTRAINT "user_resources_class_fkey" FOREIGN KEY ("tenant_id","class_sourced_id") REFERENCES "public"."classes"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "user_resources" ADD CONSTRAINT "user_resources_resource_fkey" FOREIGN KEY ("tenant_id","resource_sourced_id") REFERENCES "public"."resources"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "calendar_dates" ADD CONSTRAINT "calendar_dates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_dates" ADD CONSTRAINT "calendar_dates_calendar_fkey" FOREIGN KEY ("tenant_id","calendar_sourced_id") REFERENCES "public"."calendars"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "calendars" ADD CONSTRAINT "calendars_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendars" ADD CONSTRAINT "calendars_school_fkey" FOREIGN KEY ("tenant_id","school_sourced_id") REFERENCES "public"."orgs"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "class_attendance_events" ADD CONSTRAINT "class_attendance_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_attendance_events" ADD CONSTRAINT "class_attendance_student_fkey" FOREIGN KEY ("tenant_id","student_sourced_id") REFERENCES "public"."users"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "class_attendance_events" ADD CONSTRAINT "class_attendance_class_fkey" FOREIGN KEY ("tenant_id","class_sourced_id") REFERENCES "public"."classes"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "school_attendance_events" ADD CONSTRAINT "school_attendance_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_attendance_events" ADD CONSTRAINT "school_attendance_student_fkey" FOREIGN KEY ("tenant_id","student_sourced_id") REFERENCES "public"."users"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "school_attendance_events" ADD CONSTRAINT "school_attendance_school_fkey" FOREIGN KEY ("tenant_id","school_sourced_id") REFERENCES "public"."orgs"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "school_attendance_events" ADD CONSTRAINT "school_attendance_session_fkey" FOREIGN KEY ("tenant_id","session_sourced_id") REFERENCES "public"."academic_sessions"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_org_fkey" FOREIGN KEY ("tenant_id","org_sourced_id") REFERENCES "public"."orgs"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_line_items" ADD CONSTRAINT "assessment_line_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_line_items" ADD CONSTRAINT "assessment_line_items_class_fkey" FOREIGN KEY ("tenant_id","class_sourced_id") REFERENCES "public"."classes"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "assessment_line_items" ADD CONSTRAINT "assessment_line_items_parent_fkey" FOREIGN KEY ("tenant_id","parent_sourced_id") REFERENCES "public"."assessment_line_items"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "assessment_line_items" ADD CONSTRAINT "assessment_line_items_scale_fkey" FOREIGN KEY ("tenant_id","score_scale_sourced_id") REFERENCES "public"."score_scales"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_item_fkey" FOREIGN KEY ("tenant_id","assessment_line_item_sourced_id") REFERENCES "public"."assessment_line_items"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_student_fkey" FOREIGN KEY ("tenant_id","student_sourced_id") REFERENCES "public"."users"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_scale_fkey" FOREIGN KEY ("tenant_id","score_scale_sourced_id") REFERENCES "public"."score_scales"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_grades" ADD CONSTRAINT "course_grades_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_grades" ADD CONSTRAINT "course_grades_student_fkey" FOREIGN KEY ("tenant_id","student_sourced_id") REFERENCES "public"."users"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "course_grades" ADD CONSTRAINT "course_grades_course_fkey" FOREIGN KEY ("tenant_id","course_sourced_id") REFERENCES "public"."courses"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "course_grades" ADD CONSTRAINT "course_grades_class_fkey" FOREIGN KEY ("tenant_id","class_sourced_id") REFERENCES "public"."classes"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "course_grades" ADD CONSTRAINT "course_grades_session_fkey" FOREIGN KEY ("tenant_id","session_sourced_id") REFERENCES "public"."academic_sessions"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "line_item_learning_objectives" ADD CONSTRAINT "line_item_learning_objectives_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_item_learning_objectives" ADD CONSTRAINT "line_item_objectives_item_fkey" FOREIGN KEY ("tenant_id","line_item_sourced_id") REFERENCES "public"."line_items"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "line_item_score_scales" ADD CONSTRAINT "line_item_score_scales_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_item_score_scales" ADD CONSTRAINT "line_item_score_scales_item_fkey" FOREIGN KEY ("tenant_id","line_item_sourced_id") REFERENCES "public"."line_items"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "line_item_score_scales" ADD CONSTRAINT "line_item_score_scales_scale_fkey" FOREIGN KEY ("tenant_id","score_scale_sourced_id") REFERENCES "public"."score_scales"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "line_items" ADD CONSTRAINT "line_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_items" ADD CONSTRAINT "line_items_class_fkey" FOREIGN KEY ("tenant_id","class_sourced_id") REFERENCES "public"."classes"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "line_items" ADD CONSTRAINT "line_items_school_fkey" FOREIGN KEY ("tenant_id","school_sourced_id") REFERENCES "public"."orgs"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "line_items" ADD CONSTRAINT "line_items_category_fkey" FOREIGN KEY ("tenant_id","category_sourced_id") REFERENCES "public"."categories"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "line_items" ADD CONSTRAINT "line_items_session_fkey" FOREIGN KEY ("tenant_id","academic_session_sourced_id") REFERENCES "public"."academic_sessions"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "result_learning_objectives" ADD CONSTRAINT "result_learning_objectives_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_learning_objectives" ADD CONSTRAINT "result_objectives_result_fkey" FOREIGN KEY ("tenant_id","result_sourced_id") REFERENCES "public"."results"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "result_score_scales" ADD CONSTRAINT "result_score_scales_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_score_scales" ADD CONSTRAINT "result_score_scales_result_fkey" FOREIGN KEY ("tenant_id","result_sourced_id") REFERENCES "public"."results"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "result_score_scales" ADD CONSTRAINT "result_score_scales_scale_fkey" FOREIGN KEY ("tenant_id","score_scale_sourced_id") REFERENCES "public"."score_scales"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_line_item_fkey" FOREIGN KEY ("tenant_id","line_item_sourced_id") REFERENCES "public"."line_items"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_student_fkey" FOREIGN KEY ("tenant_id","student_sourced_id") REFERENCES "public"."users"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_class_fkey" FOREIGN KEY ("tenant_id","class_sourced_id") REFERENCES "public"."classes"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "score_scales" ADD CONSTRAINT "score_scales_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_scales" ADD CONSTRAINT "score_scales_org_fkey" FOREIGN KEY ("tenant_id","org_sourced_id") REFERENCES "public"."orgs"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "score_scales" ADD CONSTRAINT "score_scales_course_fkey" FOREIGN KEY ("tenant_id","course_sourced_id") REFERENCES "public"."courses"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "score_scales" ADD CONSTRAINT "score_scales_class_fkey" FOREIGN KEY ("tenant_id","class_sourced_id") REFERENCES "public"."classes"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "orgs" ADD CONSTRAINT "orgs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orgs" ADD CONSTRAINT "orgs_parent_fkey" FOREIGN KEY ("tenant_id","parent_sourced_id") REFERENCES "public"."orgs"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "demographics" ADD CONSTRAINT "demographics_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demographics" ADD CONSTRAINT "demographics_user_fkey" FOREIGN KEY ("tenant_id","sourced_id") REFERENCES "public"."users"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "user_agents" ADD CONSTRAINT "user_agents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_agents" ADD CONSTRAINT "user_agents_user_fkey" FOREIGN KEY ("tenant_id","user_sourced_id") REFERENCES "public"."users"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "user_agents" ADD CONSTRAINT "user_agents_agent_fkey" FOREIGN KEY ("tenant_id","agent_sourced_id") REFERENCES "public"."users"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "user_profiles" ADD CONSTRAINT "user_profiles_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_profiles" ADD CONSTRAINT "user_profiles_user_fkey" FOREIGN KEY ("tenant_id","user_sourced_id") REFERENCES "public"."users"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_fkey" FOREIGN KEY ("tenant_id","user_sourced_id") REFERENCES "public"."users"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_org_fkey" FOREIGN KEY ("tenant_id","org_sourced_id") REFERENCES "public"."orgs"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_profile_fkey" FOREIGN KEY ("tenant_id","user_profile_sourced_id") REFERENCES "public"."user_profiles"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_primary_org_fkey" FOREIGN KEY ("tenant_id","primary_org_sourced_id") REFERENCES "public"."orgs"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "academic_sessions_modified_idx" ON "academic_sessions" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "academic_sessions_status_idx" ON "academic_sessions" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "academic_sessions_parent_idx" ON "academic_sessions" USING btree ("tenant_id","parent_sourced_id");--> statement-breakpoint
CREATE INDEX "academic_sessions_org_idx" ON "academic_sessions" USING btree ("tenant_id","org_sourced_id");--> statement-breakpoint
CREATE INDEX "class_resources_modified_idx" ON "class_resources" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "class_resources_status_idx" ON "class_resources" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "class_resources_class_idx" ON "class_resources" USING btree ("tenant_id","class_sourced_id");--> statement-breakpoint
CREATE INDEX "class_resources_resource_idx" ON "class_resources" USING btree ("tenant_id","resource_sourced_id");--> statement-breakpoint
CREATE INDEX "class_terms_class_idx" ON "class_terms" USING btree ("tenant_id","class_sourced_id");--> statement-breakpoint
CREATE INDEX "class_terms_term_idx" ON "class_terms" USING btree ("tenant_id","term_sourced_id");--> statement-breakpoint
CREATE INDEX "classes_modified_idx" ON "classes" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "classes_status_idx" ON "classes" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "classes_course_idx" ON "classes" USING btree ("tenant_id","course_sourced_id");--> statement-breakpoint
CREATE INDEX "classes_school_idx" ON "classes" USING btree ("tenant_id","school_sourced_id");--> statement-breakpoint
CREATE INDEX "course_resources_modified_idx" ON "course_resources" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "course_resources_status_idx" ON "course_resources" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "course_resources_course_idx" ON "course_resources" USING btree ("tenant_id","course_sourced_id");--> statement-breakpoint
CREATE INDEX "course_resources_resource_idx" ON "course_resources" USING btree ("tenant_id","resource_sourced_id");--> statement-breakpoint
CREATE INDEX "courses_modified_idx" ON "courses" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "courses_status_idx" ON "courses" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "courses_school_year_idx" ON "courses" USING btree ("tenant_id","school_year_sourced_id");--> statement-breakpoint
CREATE INDEX "courses_org_idx" ON "courses" USING btree ("tenant_id","org_sourced_id");--> statement-breakpoint
CREATE INDEX "enrollments_modified_idx" ON "enrollments" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "enrollments_status_idx" ON "enrollments" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "enrollments_user_idx" ON "enrollments" USING btree ("tenant_id","user_sourced_id");--> statement-breakpoint
CREATE INDEX "enrollments_class_idx" ON "enrollments" USING btree ("tenant_id","class_sourced_id");--> statement-breakpoint
CREATE INDEX "enrollments_school_idx" ON "enrollments" USING btree ("tenant_id","school_sourced_id");--> statement-breakpoint
CREATE INDEX "resources_modified_idx" ON "resources" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "resources_status_idx" ON "resources" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "user_resources_modified_idx" ON "user_resources" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "user_resources_status_idx" ON "user_resources" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "user_resources_user_idx" ON "user_resources" USING btree ("tenant_id","user_sourced_id");--> statement-breakpoint
CREATE INDEX "user_resources_org_idx" ON "user_resources" USING btree ("tenant_id","org_sourced_id");--> statement-breakpoint
CREATE INDEX "user_resources_class_idx" ON "user_resources" USING btree ("tenant_id","class_sourced_id");--> statement-breakpoint
CREATE INDEX "user_resources_resource_idx" ON "user_resources" USING btree ("tenant_id","resource_sourced_id");--> statement-breakpoint
CREATE INDEX "calendar_dates_modified_idx" ON "calendar_dates" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "calendar_dates_status_idx" ON "calendar_dates" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "calendar_dates_calendar_idx" ON "calendar_dates" USING btree ("tenant_id","calendar_sourced_id");--> statement-breakpoint
CREATE INDEX "calendars_modified_idx" ON "calendars" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "calendars_status_idx" ON "calendars" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "calendars_school_idx" ON "calendars" USING btree ("tenant_id","school_sourced_id");--> statement-breakpoint
CREATE INDEX "class_attendance_events_modified_idx" ON "class_attendance_events" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "class_attendance_events_status_idx" ON "class_attendance_events" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "class_attendance_student_idx" ON "class_attendance_events" USING btree ("tenant_id","student_sourced_id");--> statement-breakpoint
CREATE INDEX "class_attendance_class_idx" ON "class_attendance_events" USING btree ("tenant_id","class_sourced_id");--> statement-breakpoint
CREATE INDEX "school_attendance_events_modified_idx" ON "school_attendance_events" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "school_attendance_events_status_idx" ON "school_attendance_events" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "school_attendance_student_idx" ON "school_attendance_events" USING btree ("tenant_id","student_sourced_id");--> statement-breakpoint
CREATE INDEX "school_attendance_school_idx" ON "school_attendance_events" USING btree ("tenant_id","school_sourced_id");--> statement-breakpoint
CREATE INDEX "school_attendance_session_idx" ON "school_attendance_events" USING btree ("tenant_id","session_sourced_id");--> statement-breakpoint
CREATE INDEX "api_clients_org_idx" ON "api_clients" USING btree ("tenant_id","org_sourced_id");--> statement-breakpoint
CREATE INDEX "import_jobs_created_idx" ON "import_jobs" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "assessment_line_items_modified_idx" ON "assessment_line_items" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "assessment_line_items_status_idx" ON "assessment_line_items" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "assessment_line_items_class_idx" ON "assessment_line_items" USING btree ("tenant_id","class_sourced_id");--> statement-breakpoint
CREATE INDEX "assessment_line_items_parent_idx" ON "assessment_line_items" USING btree ("tenant_id","parent_sourced_id");--> statement-breakpoint
CREATE INDEX "assessment_line_items_scale_idx" ON "assessment_line_items" USING btree ("tenant_id","score_scale_sourced_id");--> statement-breakpoint
CREATE INDEX "assessment_results_modified_idx" ON "assessment_results" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "assessment_results_status_idx" ON "assessment_results" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "assessment_results_item_idx" ON "assessment_results" USING btree ("tenant_id","assessment_line_item_sourced_id");--> statement-breakpoint
CREATE INDEX "assessment_results_student_idx" ON "assessment_results" USING btree ("tenant_id","student_sourced_id");--> statement-breakpoint
CREATE INDEX "assessment_results_scale_idx" ON "assessment_results" USING btree ("tenant_id","score_scale_sourced_id");--> statement-breakpoint
CREATE INDEX "categories_modified_idx" ON "categories" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "categories_status_idx" ON "categories" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "course_grades_modified_idx" ON "course_grades" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "course_grades_status_idx" ON "course_grades" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "course_grades_student_idx" ON "course_grades" USING btree ("tenant_id","student_sourced_id");--> statement-breakpoint
CREATE INDEX "course_grades_course_idx" ON "course_grades" USING btree ("tenant_id","course_sourced_id");--> statement-breakpoint
CREATE INDEX "course_grades_class_idx" ON "course_grades" USING btree ("tenant_id","class_sourced_id");--> statement-breakpoint
CREATE INDEX "course_grades_session_idx" ON "course_grades" USING btree ("tenant_id","session_sourced_id");--> statement-breakpoint
CREATE INDEX "line_item_learning_objectives_modified_idx" ON "line_item_learning_objectives" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "line_item_learning_objectives_status_idx" ON "line_item_learning_objectives" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "line_item_objectives_item_idx" ON "line_item_learning_objectives" USING btree ("tenant_id","line_item_sourced_id");--> statement-breakpoint
CREATE INDEX "line_item_score_scales_modified_idx" ON "line_item_score_scales" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "line_item_score_scales_status_idx" ON "line_item_score_scales" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "line_item_score_scales_item_idx" ON "line_item_score_scales" USING btree ("tenant_id","line_item_sourced_id");--> statement-breakpoint
CREATE INDEX "line_item_score_scales_scale_idx" ON "line_item_score_scales" USING btree ("tenant_id","score_scale_sourced_id");--> statement-breakpoint
CREATE INDEX "line_items_modified_idx" ON "line_items" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "line_items_status_idx" ON "line_items" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "line_items_class_idx" ON "line_items" USING btree ("tenant_id","class_sourced_id");--> statement-breakpoint
CREATE INDEX "line_items_school_idx" ON "line_items" USING btree ("tenant_id","school_sourced_id");--> statement-breakpoint
CREATE INDEX "line_items_category_idx" ON "line_items" USING btree ("tenant_id","category_sourced_id");--> statement-breakpoint
CREATE INDEX "line_items_session_idx" ON "line_items" USING btree ("tenant_id","academic_session_sourced_id");--> statement-breakpoint
CREATE INDEX "result_learning_objectives_modified_idx" ON "result_learning_objectives" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "result_learning_objectives_status_idx" ON "result_learning_objectives" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "result_objectives_result_idx" ON "result_learning_objectives" USING btree ("tenant_id","result_sourced_id");--> statement-breakpoint
CREATE INDEX "result_score_scales_modified_idx" ON "result_score_scales" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "result_score_scales_status_idx" ON "result_score_scales" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "result_score_scales_result_idx" ON "result_score_scales" USING btree ("tenant_id","result_sourced_id");--> statement-breakpoint
CREATE INDEX "result_score_scales_scale_idx" ON "result_score_scales" USING btree ("tenant_id","score_scale_sourced_id");--> statement-breakpoint
CREATE INDEX "results_modified_idx" ON "results" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "results_status_idx" ON "results" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "results_line_item_idx" ON "results" USING btree ("tenant_id","line_item_sourced_id");--> statement-breakpoint
CREATE INDEX "results_student_idx" ON "results" USING btree ("tenant_id","student_sourced_id");--> statement-breakpoint
CREATE INDEX "results_class_idx" ON "results" USING btree ("tenant_id","class_sourced_id");--> statement-breakpoint
CREATE INDEX "score_scales_modified_idx" ON "score_scales" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "score_scales_status_idx" ON "score_scales" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "score_scales_org_idx" ON "score_scales" USING btree ("tenant_id","org_sourced_id");--> statement-breakpoint
CREATE INDEX "score_scales_course_idx" ON "score_scales" USING btree ("tenant_id","course_sourced_id");--> statement-breakpoint
CREATE INDEX "score_scales_class_idx" ON "score_scales" USING btree ("tenant_id","class_sourced_id");--> statement-breakpoint
CREATE INDEX "orgs_modified_idx" ON "orgs" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "orgs_status_idx" ON "orgs" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "orgs_parent_idx" ON "orgs" USING btree ("tenant_id","parent_sourced_id");--> statement-breakpoint
CREATE INDEX "demographics_modified_idx" ON "demographics" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "demographics_status_idx" ON "demographics" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "demographics_user_idx" ON "demographics" USING btree ("tenant_id","sourced_id");--> statement-breakpoint
CREATE INDEX "user_agents_user_idx" ON "user_agents" USING btree ("tenant_id","user_sourced_id");--> statement-breakpoint
CREATE INDEX "user_agents_agent_idx" ON "user_agents" USING btree ("tenant_id","agent_sourced_id");--> statement-breakpoint
CREATE INDEX "user_profiles_modified_idx" ON "user_profiles" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "user_profiles_status_idx" ON "user_profiles" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "user_profiles_user_idx" ON "user_profiles" USING btree ("tenant_id","user_sourced_id");--> statement-breakpoint
CREATE INDEX "user_roles_modified_idx" ON "user_roles" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "user_roles_status_idx" ON "user_roles" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "user_roles_user_idx" ON "user_roles" USING btree ("tenant_id","user_sourced_id");--> statement-breakpoint
CREATE INDEX "user_roles_org_idx" ON "user_roles" USING btree ("tenant_id","org_sourced_id");--> statement-breakpoint
CREATE INDEX "user_roles_profile_idx" ON "user_roles" USING btree ("tenant_id","user_profile_sourced_id");--> statement-breakpoint
CREATE INDEX "users_modified_idx" ON "users" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "users_status_idx" ON "users" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "users_primary_org_idx" ON "users" USING btree ("tenant_id","primary_org_sourced_id");