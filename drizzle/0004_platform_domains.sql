CREATE TABLE "scheduled_tasks" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"name" text NOT NULL,
	"task_type" text NOT NULL,
	"workflow_sourced_id" text,
	"cron_expression" text NOT NULL,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"next_run_at" timestamp (3) with time zone,
	"last_run_at" timestamp (3) with time zone,
	CONSTRAINT "scheduled_tasks_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "scheduled_tasks_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "scheduled_tasks_status_check" CHECK ("scheduled_tasks"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "scheduled_tasks_sourced_id_check" CHECK ("scheduled_tasks"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "scheduled_tasks_cron_check" CHECK ("scheduled_tasks"."cron_expression" ~ '^\S+( \S+){4}$'),
	CONSTRAINT "scheduled_tasks_workflow_check" CHECK (not ("scheduled_tasks"."task_type" = 'workflow') or ("scheduled_tasks"."workflow_sourced_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "workflow_runs" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"workflow_sourced_id" text NOT NULL,
	"run_status" text DEFAULT 'queued' NOT NULL,
	"triggered_by" text,
	"context" jsonb,
	"started_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone,
	"error_message" text,
	"error_step_position" integer,
	CONSTRAINT "workflow_runs_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "workflow_runs_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "workflow_runs_status_check" CHECK ("workflow_runs"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "workflow_runs_sourced_id_check" CHECK ("workflow_runs"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "workflow_runs_run_status_check" CHECK ("workflow_runs"."run_status" in ('queued','running','succeeded','failed','cancelled')),
	CONSTRAINT "workflow_runs_started_check" CHECK (not ("workflow_runs"."run_status" in ('running','succeeded','failed')) or ("workflow_runs"."started_at" is not null)),
	CONSTRAINT "workflow_runs_finished_check" CHECK (not ("workflow_runs"."run_status" in ('succeeded','failed','cancelled')) or ("workflow_runs"."finished_at" is not null)),
	CONSTRAINT "workflow_runs_period_check" CHECK ("workflow_runs"."finished_at" is null or "workflow_runs"."started_at" is null or "workflow_runs"."finished_at" >= "workflow_runs"."started_at"),
	CONSTRAINT "workflow_runs_error_check" CHECK (not ("workflow_runs"."run_status" = 'failed') or ("workflow_runs"."error_message" is not null))
);
--> statement-breakpoint
CREATE TABLE "workflow_steps" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"workflow_sourced_id" text NOT NULL,
	"position" integer NOT NULL,
	"action_type" text NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "workflow_steps_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "workflow_steps_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "workflow_steps_position_key" UNIQUE("tenant_id","workflow_sourced_id","position"),
	CONSTRAINT "workflow_steps_status_check" CHECK ("workflow_steps"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "workflow_steps_sourced_id_check" CHECK ("workflow_steps"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "workflow_steps_action_type_check" CHECK ("workflow_steps"."action_type" in ('send_message','update_record','create_task','wait','webhook','branch')),
	CONSTRAINT "workflow_steps_position_check" CHECK ("workflow_steps"."position" > 0),
	CONSTRAINT "workflow_steps_config_check" CHECK (jsonb_typeof("workflow_steps"."config") = 'object')
);
--> statement-breakpoint
CREATE TABLE "workflows" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"trigger_type" text NOT NULL,
	"trigger_event" text,
	"enabled" boolean DEFAULT true NOT NULL,
	CONSTRAINT "workflows_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "workflows_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "workflows_status_check" CHECK ("workflows"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "workflows_sourced_id_check" CHECK ("workflows"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "workflows_trigger_type_check" CHECK ("workflows"."trigger_type" in ('event','schedule','manual')),
	CONSTRAINT "workflows_trigger_event_check" CHECK (not ("workflows"."trigger_type" = 'event') or ("workflows"."trigger_event" is not null))
);
--> statement-breakpoint
CREATE TABLE "coach_assignments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"coach_sourced_id" text NOT NULL,
	"school_sourced_id" text NOT NULL,
	"assignment_role" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	CONSTRAINT "coach_assignments_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "coach_assignments_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "coach_assignments_status_check" CHECK ("coach_assignments"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "coach_assignments_sourced_id_check" CHECK ("coach_assignments"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "coach_assignments_assignment_role_check" CHECK ("coach_assignments"."assignment_role" in ('lead','assistant','specialist','substitute')),
	CONSTRAINT "coach_assignments_period_check" CHECK ("coach_assignments"."end_date" is null or "coach_assignments"."end_date" >= "coach_assignments"."start_date")
);
--> statement-breakpoint
CREATE TABLE "coach_certifications" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"coach_sourced_id" text NOT NULL,
	"name" text NOT NULL,
	"issuer" text NOT NULL,
	"credential_number" text,
	"issued_on" date NOT NULL,
	"expires_on" date,
	CONSTRAINT "coach_certifications_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "coach_certifications_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "coach_certifications_status_check" CHECK ("coach_certifications"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "coach_certifications_sourced_id_check" CHECK ("coach_certifications"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "coach_certifications_dates_check" CHECK ("coach_certifications"."expires_on" is null or "coach_certifications"."expires_on" > "coach_certifications"."issued_on")
);
--> statement-breakpoint
CREATE TABLE "coach_performance_metrics" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"coach_sourced_id" text NOT NULL,
	"metric" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"value" double precision NOT NULL,
	"sample_size" integer,
	CONSTRAINT "coach_performance_metrics_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "coach_performance_metrics_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "coach_performance_metrics_period_key" UNIQUE("tenant_id","coach_sourced_id","metric","period_start"),
	CONSTRAINT "coach_performance_metrics_status_check" CHECK ("coach_performance_metrics"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "coach_performance_metrics_sourced_id_check" CHECK ("coach_performance_metrics"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "coach_performance_metrics_period_check" CHECK ("coach_performance_metrics"."period_end" is null or "coach_performance_metrics"."period_end" >= "coach_performance_metrics"."period_start"),
	CONSTRAINT "coach_performance_metrics_metric_check" CHECK ("coach_performance_metrics"."metric" ~ '^[a-z][a-z0-9_]*$'),
	CONSTRAINT "coach_performance_metrics_sample_size_check" CHECK ("coach_performance_metrics"."sample_size" is null or "coach_performance_metrics"."sample_size" >= 0)
);
--> statement-breakpoint
CREATE TABLE "coach_profiles" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"user_sourced_id" text NOT NULL,
	"employment_type" text NOT NULL,
	"hire_date" date,
	"bio" text,
	"specialties" text[],
	"max_students" integer,
	CONSTRAINT "coach_profiles_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "coach_profiles_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "coach_profiles_user_key" UNIQUE("tenant_id","user_sourced_id"),
	CONSTRAINT "coach_profiles_status_check" CHECK ("coach_profiles"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "coach_profiles_sourced_id_check" CHECK ("coach_profiles"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "coach_profiles_employment_type_check" CHECK ("coach_profiles"."employment_type" in ('employee','contractor')),
	CONSTRAINT "coach_profiles_max_students_check" CHECK ("coach_profiles"."max_students" is null or "coach_profiles"."max_students" > 0)
);
--> statement-breakpoint
CREATE TABLE "communication_channels" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"channel_type" text NOT NULL,
	"name" text NOT NULL,
	"provider" text,
	"sender_address" text,
	"enabled" boolean DEFAULT true NOT NULL,
	CONSTRAINT "communication_channels_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "communication_channels_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "communication_channels_status_check" CHECK ("communication_channels"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "communication_channels_sourced_id_check" CHECK ("communication_channels"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "communication_channels_channel_type_check" CHECK ("communication_channels"."channel_type" in ('email','sms','push','in_app'))
);
--> statement-breakpoint
CREATE TABLE "communication_preferences" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"user_sourced_id" text NOT NULL,
	"channel_type" text NOT NULL,
	"topic" text NOT NULL,
	"opted_in" boolean NOT NULL,
	CONSTRAINT "communication_preferences_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "communication_preferences_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "communication_preferences_choice_key" UNIQUE("tenant_id","user_sourced_id","channel_type","topic"),
	CONSTRAINT "communication_preferences_status_check" CHECK ("communication_preferences"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "communication_preferences_sourced_id_check" CHECK ("communication_preferences"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "communication_preferences_channel_type_check" CHECK ("communication_preferences"."channel_type" in ('email','sms','push','in_app')),
	CONSTRAINT "communication_preferences_topic_check" CHECK ("communication_preferences"."topic" in ('emergency','attendance','grades','billing','events','marketing')),
	CONSTRAINT "communication_preferences_emergency_check" CHECK (not ("communication_preferences"."topic" = 'emergency') or ("communication_preferences"."opted_in"))
);
--> statement-breakpoint
CREATE TABLE "message_recipients" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"message_sourced_id" text NOT NULL,
	"user_sourced_id" text,
	"lead_sourced_id" text,
	"address" text NOT NULL,
	"delivery_status" text DEFAULT 'queued' NOT NULL,
	"status_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"error" text,
	CONSTRAINT "message_recipients_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "message_recipients_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "message_recipients_address_key" UNIQUE("tenant_id","message_sourced_id","address"),
	CONSTRAINT "message_recipients_status_check" CHECK ("message_recipients"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "message_recipients_sourced_id_check" CHECK ("message_recipients"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "message_recipients_delivery_status_check" CHECK ("message_recipients"."delivery_status" in ('queued','sent','delivered','opened','bounced','failed','suppressed')),
	CONSTRAINT "message_recipients_error_check" CHECK (not ("message_recipients"."delivery_status" in ('bounced','failed')) or ("message_recipients"."error" is not null))
);
--> statement-breakpoint
CREATE TABLE "message_templates" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"channel_sourced_id" text NOT NULL,
	"name" text NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	CONSTRAINT "message_templates_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "message_templates_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "message_templates_name_key" UNIQUE("tenant_id","channel_sourced_id","name","locale"),
	CONSTRAINT "message_templates_status_check" CHECK ("message_templates"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "message_templates_sourced_id_check" CHECK ("message_templates"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "message_templates_body_check" CHECK (length(btrim("message_templates"."body")) > 0),
	CONSTRAINT "message_templates_locale_check" CHECK ("message_templates"."locale" ~ '^[a-z]{2}(-[A-Z]{2})?$')
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"channel_sourced_id" text NOT NULL,
	"template_sourced_id" text,
	"purpose" text NOT NULL,
	"topic" text,
	"subject" text,
	"body" text NOT NULL,
	"sender_user_sourced_id" text,
	"scheduled_at" timestamp (3) with time zone,
	"sent_at" timestamp (3) with time zone,
	CONSTRAINT "messages_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "messages_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "messages_status_check" CHECK ("messages"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "messages_sourced_id_check" CHECK ("messages"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "messages_purpose_check" CHECK ("messages"."purpose" in ('transactional','marketing','alert')),
	CONSTRAINT "messages_topic_check" CHECK ("messages"."topic" in ('emergency','attendance','grades','billing','events','marketing'))
);
--> statement-breakpoint
CREATE TABLE "facilities" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"name" text NOT NULL,
	"facility_type" text NOT NULL,
	"address_line1" text NOT NULL,
	"address_line2" text,
	"city" text NOT NULL,
	"state_abbreviation" text NOT NULL,
	"postal_code" text NOT NULL,
	"country" text DEFAULT 'US' NOT NULL,
	"square_feet" integer,
	CONSTRAINT "facilities_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "facilities_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "facilities_status_check" CHECK ("facilities"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "facilities_sourced_id_check" CHECK ("facilities"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "facilities_facility_type_check" CHECK ("facilities"."facility_type" in ('campus','storefront','office','church','community_center','home','other')),
	CONSTRAINT "facilities_square_feet_check" CHECK ("facilities"."square_feet" is null or "facilities"."square_feet" > 0)
);
--> statement-breakpoint
CREATE TABLE "facility_capacities" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"facility_sourced_id" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"max_students" integer NOT NULL,
	"max_staff" integer,
	"classrooms" integer,
	CONSTRAINT "facility_capacities_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "facility_capacities_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "facility_capacities_status_check" CHECK ("facility_capacities"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "facility_capacities_sourced_id_check" CHECK ("facility_capacities"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "facility_capacities_period_check" CHECK ("facility_capacities"."end_date" is null or "facility_capacities"."end_date" >= "facility_capacities"."start_date"),
	CONSTRAINT "facility_capacities_counts_check" CHECK ("facility_capacities"."max_students" > 0 and ("facility_capacities"."max_staff" is null or "facility_capacities"."max_staff" > 0) and ("facility_capacities"."classrooms" is null or "facility_capacities"."classrooms" > 0))
);
--> statement-breakpoint
CREATE TABLE "facility_inspections" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"facility_sourced_id" text NOT NULL,
	"inspection_type" text NOT NULL,
	"inspected_on" date NOT NULL,
	"result" text NOT NULL,
	"inspector" text,
	"findings" text,
	"next_due_on" date,
	CONSTRAINT "facility_inspections_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "facility_inspections_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "facility_inspections_status_check" CHECK ("facility_inspections"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "facility_inspections_sourced_id_check" CHECK ("facility_inspections"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "facility_inspections_type_check" CHECK ("facility_inspections"."inspection_type" in ('fire','health','building','safety','licensing','other')),
	CONSTRAINT "facility_inspections_result_check" CHECK ("facility_inspections"."result" in ('scheduled','passed','passed_with_conditions','failed')),
	CONSTRAINT "facility_inspections_next_due_check" CHECK ("facility_inspections"."next_due_on" is null or "facility_inspections"."next_due_on" > "facility_inspections"."inspected_on"),
	CONSTRAINT "facility_inspections_findings_check" CHECK (not ("facility_inspections"."result" in ('failed','passed_with_conditions')) or ("facility_inspections"."findings" is not null))
);
--> statement-breakpoint
CREATE TABLE "facility_leases" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"facility_sourced_id" text NOT NULL,
	"landlord" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"monthly_rent" numeric(12, 2) NOT NULL,
	"deposit" numeric(12, 2),
	CONSTRAINT "facility_leases_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "facility_leases_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "facility_leases_status_check" CHECK ("facility_leases"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "facility_leases_sourced_id_check" CHECK ("facility_leases"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "facility_leases_period_check" CHECK ("facility_leases"."end_date" is null or "facility_leases"."end_date" >= "facility_leases"."start_date"),
	CONSTRAINT "facility_leases_rent_check" CHECK ("facility_leases"."monthly_rent" >= 0 and ("facility_leases"."deposit" is null or "facility_leases"."deposit" >= 0))
);
--> statement-breakpoint
CREATE TABLE "school_facilities" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"school_sourced_id" text NOT NULL,
	"facility_sourced_id" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"is_primary" boolean DEFAULT true NOT NULL,
	CONSTRAINT "school_facilities_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "school_facilities_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "school_facilities_status_check" CHECK ("school_facilities"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "school_facilities_sourced_id_check" CHECK ("school_facilities"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "school_facilities_period_check" CHECK ("school_facilities"."end_date" is null or "school_facilities"."end_date" >= "school_facilities"."start_date")
);
--> statement-breakpoint
CREATE TABLE "esa_application_status_history" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"application_sourced_id" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"changed_by" text,
	CONSTRAINT "esa_application_status_history_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "esa_applications" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"student_user_sourced_id" text NOT NULL,
	"guardian_user_sourced_id" text,
	"school_sourced_id" text,
	"program" text NOT NULL,
	"school_year" text NOT NULL,
	"application_status" text DEFAULT 'draft' NOT NULL,
	"amount_requested" numeric(12, 2) NOT NULL,
	"amount_approved" numeric(12, 2),
	"submitted_at" timestamp (3) with time zone,
	"decided_at" timestamp (3) with time zone,
	"approval_probability" numeric(4, 3),
	"prediction_model_version" text,
	"predicted_at" timestamp (3) with time zone,
	CONSTRAINT "esa_applications_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "esa_applications_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "esa_applications_status_check" CHECK ("esa_applications"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "esa_applications_sourced_id_check" CHECK ("esa_applications"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "esa_applications_application_status_check" CHECK ("esa_applications"."application_status" in ('draft','submitted','under_review','approved','denied','withdrawn','funded')),
	CONSTRAINT "esa_applications_school_year_check" CHECK ("esa_applications"."school_year" ~ '^[0-9]{4}$'),
	CONSTRAINT "esa_applications_amounts_check" CHECK ("esa_applications"."amount_requested" >= 0 and ("esa_applications"."amount_approved" is null or "esa_applications"."amount_approved" >= 0)),
	CONSTRAINT "esa_applications_approved_amount_check" CHECK (not ("esa_applications"."amount_approved" is not null) or ("esa_applications"."application_status" in ('approved','funded'))),
	CONSTRAINT "esa_applications_submitted_check" CHECK (not ("esa_applications"."application_status" <> 'draft') or ("esa_applications"."submitted_at" is not null)),
	CONSTRAINT "esa_applications_decided_check" CHECK (not ("esa_applications"."application_status" in ('approved','denied','funded')) or ("esa_applications"."decided_at" is not null)),
	CONSTRAINT "esa_applications_probability_check" CHECK ("esa_applications"."approval_probability" is null or "esa_applications"."approval_probability" between 0 and 1),
	CONSTRAINT "esa_applications_prediction_check" CHECK (("esa_applications"."approval_probability" is null) = ("esa_applications"."prediction_model_version" is null))
);
--> statement-breakpoint
CREATE TABLE "financial_accounts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"account_type" text NOT NULL,
	"name" text NOT NULL,
	"holder_user_sourced_id" text,
	"org_sourced_id" text,
	"currency" text DEFAULT 'USD' NOT NULL,
	CONSTRAINT "financial_accounts_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "financial_accounts_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "financial_accounts_status_check" CHECK ("financial_accounts"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "financial_accounts_sourced_id_check" CHECK ("financial_accounts"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "financial_accounts_account_type_check" CHECK ("financial_accounts"."account_type" in ('student','family','coach','school','platform')),
	CONSTRAINT "financial_accounts_currency_check" CHECK ("financial_accounts"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "financial_accounts_holder_check" CHECK (not ("financial_accounts"."account_type" in ('student','family','coach')) or ("financial_accounts"."holder_user_sourced_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"invoice_sourced_id" text NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"quantity" numeric(10, 2) NOT NULL,
	"unit_price" numeric(12, 2) NOT NULL,
	"amount" numeric(12, 2) NOT NULL,
	CONSTRAINT "invoice_lines_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "invoice_lines_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "invoice_lines_position_key" UNIQUE("tenant_id","invoice_sourced_id","position"),
	CONSTRAINT "invoice_lines_status_check" CHECK ("invoice_lines"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "invoice_lines_sourced_id_check" CHECK ("invoice_lines"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "invoice_lines_quantity_check" CHECK ("invoice_lines"."quantity" > 0 and "invoice_lines"."unit_price" >= 0),
	CONSTRAINT "invoice_lines_amount_check" CHECK ("invoice_lines"."amount" = round("invoice_lines"."quantity" * "invoice_lines"."unit_price", 2))
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"invoice_number" text NOT NULL,
	"account_sourced_id" text NOT NULL,
	"school_sourced_id" text NOT NULL,
	"student_user_sourced_id" text,
	"invoice_status" text DEFAULT 'draft' NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"issued_on" date,
	"due_on" date,
	CONSTRAINT "invoices_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "invoices_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "invoices_number_key" UNIQUE("tenant_id","invoice_number"),
	CONSTRAINT "invoices_status_check" CHECK ("invoices"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "invoices_sourced_id_check" CHECK ("invoices"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "invoices_invoice_status_check" CHECK ("invoices"."invoice_status" in ('draft','issued','paid','overdue','void')),
	CONSTRAINT "invoices_currency_check" CHECK ("invoices"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "invoices_issued_check" CHECK (not ("invoices"."invoice_status" <> 'draft') or ("invoices"."issued_on" is not null)),
	CONSTRAINT "invoices_due_check" CHECK ("invoices"."due_on" is null or "invoices"."issued_on" is null or "invoices"."due_on" >= "invoices"."issued_on")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"invoice_sourced_id" text NOT NULL,
	"payer_account_sourced_id" text NOT NULL,
	"transaction_sourced_id" text,
	"amount" numeric(12, 2) NOT NULL,
	"method" text NOT NULL,
	"paid_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"external_reference" text,
	CONSTRAINT "payments_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "payments_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "payments_status_check" CHECK ("payments"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "payments_sourced_id_check" CHECK ("payments"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "payments_method_check" CHECK ("payments"."method" in ('card','ach','esa','check','cash','other')),
	CONSTRAINT "payments_amount_check" CHECK ("payments"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "transactions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"transaction_type" text NOT NULL,
	"occurred_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"description" text,
	"currency" text DEFAULT 'USD' NOT NULL,
	"amount" numeric(12, 2) NOT NULL,
	"payer_account_sourced_id" text NOT NULL,
	"student_account_sourced_id" text,
	"coach_account_sourced_id" text,
	"platform_account_sourced_id" text,
	"student_share" numeric(12, 2) DEFAULT 0 NOT NULL,
	"coach_share" numeric(12, 2) DEFAULT 0 NOT NULL,
	"platform_share" numeric(12, 2) DEFAULT 0 NOT NULL,
	CONSTRAINT "transactions_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "transactions_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "transactions_status_check" CHECK ("transactions"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "transactions_sourced_id_check" CHECK ("transactions"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "transactions_transaction_type_check" CHECK ("transactions"."transaction_type" in ('tuition','esa_disbursement','coach_payout','fee','refund','adjustment')),
	CONSTRAINT "transactions_currency_check" CHECK ("transactions"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "transactions_amount_check" CHECK ("transactions"."amount" > 0),
	CONSTRAINT "transactions_shares_check" CHECK ("transactions"."student_share" >= 0 and "transactions"."coach_share" >= 0 and "transactions"."platform_share" >= 0),
	CONSTRAINT "transactions_split_sum_check" CHECK ("transactions"."student_share" + "transactions"."coach_share" + "transactions"."platform_share" = "transactions"."amount"),
	CONSTRAINT "transactions_share_account_check" CHECK (("transactions"."student_share" = 0 or "transactions"."student_account_sourced_id" is not null)
        and ("transactions"."coach_share" = 0 or "transactions"."coach_account_sourced_id" is not null)
        and ("transactions"."platform_share" = 0 or "transactions"."platform_account_sourced_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "funnel_stages" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"kind" text DEFAULT 'open' NOT NULL,
	"description" text,
	"target_days" integer,
	CONSTRAINT "funnel_stages_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "funnel_stages_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "funnel_stages_position_key" UNIQUE("tenant_id","position"),
	CONSTRAINT "funnel_stages_status_check" CHECK ("funnel_stages"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "funnel_stages_sourced_id_check" CHECK ("funnel_stages"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "funnel_stages_kind_check" CHECK ("funnel_stages"."kind" in ('open','won','lost')),
	CONSTRAINT "funnel_stages_position_check" CHECK ("funnel_stages"."position" > 0),
	CONSTRAINT "funnel_stages_target_days_check" CHECK ("funnel_stages"."target_days" is null or "funnel_stages"."target_days" > 0)
);
--> statement-breakpoint
CREATE TABLE "lead_scores" (
	"tenant_id" uuid NOT NULL,
	"lead_sourced_id" text NOT NULL,
	"score" integer NOT NULL,
	"breakdown" jsonb NOT NULL,
	"scored_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_scores_pkey" PRIMARY KEY("tenant_id","lead_sourced_id"),
	CONSTRAINT "lead_scores_score_check" CHECK ("lead_scores"."score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "lead_scoring_rules" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"name" text NOT NULL,
	"criterion" text NOT NULL,
	"match_value" text,
	"points" integer NOT NULL,
	"max_points" integer,
	CONSTRAINT "lead_scoring_rules_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "lead_scoring_rules_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "lead_scoring_rules_status_check" CHECK ("lead_scoring_rules"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "lead_scoring_rules_sourced_id_check" CHECK ("lead_scoring_rules"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "lead_scoring_rules_criterion_check" CHECK ("lead_scoring_rules"."criterion" in ('source','utm_source','utm_medium','utm_campaign','school_of_interest','has_email','has_phone','stage','touchpoint_channel')),
	CONSTRAINT "lead_scoring_rules_points_check" CHECK ("lead_scoring_rules"."points" between -100 and 100 and "lead_scoring_rules"."points" <> 0),
	CONSTRAINT "lead_scoring_rules_max_points_check" CHECK ("lead_scoring_rules"."max_points" is null or "lead_scoring_rules"."max_points" > 0),
	CONSTRAINT "lead_scoring_rules_match_value_check" CHECK (not ("lead_scoring_rules"."criterion" in ('source','utm_source','utm_medium','utm_campaign','stage')) or ("lead_scoring_rules"."match_value" is not null))
);
--> statement-breakpoint
CREATE TABLE "lead_stage_history" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"lead_sourced_id" text NOT NULL,
	"stage_sourced_id" text NOT NULL,
	"entered_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"left_at" timestamp (3) with time zone,
	CONSTRAINT "lead_stage_history_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "lead_stage_history_period_check" CHECK ("lead_stage_history"."left_at" is null or "lead_stage_history"."left_at" >= "lead_stage_history"."entered_at")
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text,
	"email" text,
	"phone" text,
	"source" text NOT NULL,
	"campaign" text,
	"utm_source" text,
	"utm_medium" text,
	"utm_campaign" text,
	"utm_term" text,
	"utm_content" text,
	"landing_page" text,
	"school_of_interest_sourced_id" text,
	"owner_user_sourced_id" text,
	"stage_sourced_id" text NOT NULL,
	"student_count" integer DEFAULT 1 NOT NULL,
	"student_grades" text[],
	CONSTRAINT "leads_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "leads_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "leads_status_check" CHECK ("leads"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "leads_sourced_id_check" CHECK ("leads"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "leads_contact_check" CHECK ("leads"."email" is not null or "leads"."phone" is not null),
	CONSTRAINT "leads_email_check" CHECK ("leads"."email" is null or "leads"."email" ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
	CONSTRAINT "leads_source_check" CHECK ("leads"."source" in ('web','referral','event','social','paid_search','paid_social','partner','walk_in','phone','other')),
	CONSTRAINT "leads_student_count_check" CHECK ("leads"."student_count" between 1 and 20)
);
--> statement-breakpoint
CREATE TABLE "parent_satisfaction_responses" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"school_sourced_id" text NOT NULL,
	"parent_user_sourced_id" text NOT NULL,
	"survey_period" date NOT NULL,
	"likelihood_to_recommend" integer NOT NULL,
	"comment" text,
	"responded_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "parent_satisfaction_responses_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "parent_satisfaction_responses_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "parent_satisfaction_responses_once_key" UNIQUE("tenant_id","school_sourced_id","parent_user_sourced_id","survey_period"),
	CONSTRAINT "parent_satisfaction_responses_status_check" CHECK ("parent_satisfaction_responses"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "parent_satisfaction_responses_sourced_id_check" CHECK ("parent_satisfaction_responses"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "parent_satisfaction_responses_score_check" CHECK ("parent_satisfaction_responses"."likelihood_to_recommend" between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "quality_metric_definitions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"pillar" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"unit" text NOT NULL,
	"target_value" double precision,
	"higher_is_better" boolean DEFAULT true NOT NULL,
	CONSTRAINT "quality_metric_definitions_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "quality_metric_definitions_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "quality_metric_definitions_status_check" CHECK ("quality_metric_definitions"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "quality_metric_definitions_sourced_id_check" CHECK ("quality_metric_definitions"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "quality_metric_definitions_pillar_check" CHECK ("quality_metric_definitions"."pillar" in ('love_school','learn_2x','life_skills')),
	CONSTRAINT "quality_metric_definitions_unit_check" CHECK ("quality_metric_definitions"."unit" in ('percent','score','ratio','count'))
);
--> statement-breakpoint
CREATE TABLE "quality_metric_values" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"definition_sourced_id" text NOT NULL,
	"school_sourced_id" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"value" double precision NOT NULL,
	"sample_size" integer,
	CONSTRAINT "quality_metric_values_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "quality_metric_values_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "quality_metric_values_period_key" UNIQUE("tenant_id","definition_sourced_id","school_sourced_id","period_start"),
	CONSTRAINT "quality_metric_values_status_check" CHECK ("quality_metric_values"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "quality_metric_values_sourced_id_check" CHECK ("quality_metric_values"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "quality_metric_values_period_check" CHECK ("quality_metric_values"."period_end" is null or "quality_metric_values"."period_end" >= "quality_metric_values"."period_start"),
	CONSTRAINT "quality_metric_values_sample_size_check" CHECK ("quality_metric_values"."sample_size" is null or "quality_metric_values"."sample_size" >= 0)
);
--> statement-breakpoint
CREATE TABLE "school_reviews" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sourced_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"date_last_modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source_date_last_modified" timestamp (3) with time zone,
	"metadata" jsonb,
	"change_seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	"school_sourced_id" text NOT NULL,
	"reviewer_user_sourced_id" text,
	"reviewer_role" text NOT NULL,
	"source" text DEFAULT 'internal' NOT NULL,
	"rating" integer NOT NULL,
	"title" text,
	"body" text,
	"reviewed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_reviews_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "school_reviews_sourced_id_key" UNIQUE("tenant_id","sourced_id"),
	CONSTRAINT "school_reviews_status_check" CHECK ("school_reviews"."status" in ('active', 'tobedeleted')),
	CONSTRAINT "school_reviews_sourced_id_check" CHECK ("school_reviews"."sourced_id" ~ '^[0-9A-Za-z./@_-]{1,255}$'),
	CONSTRAINT "school_reviews_reviewer_role_check" CHECK ("school_reviews"."reviewer_role" in ('parent','student','coach','staff','external')),
	CONSTRAINT "school_reviews_source_check" CHECK ("school_reviews"."source" in ('internal','google','niche','greatschools','facebook','other')),
	CONSTRAINT "school_reviews_rating_check" CHECK ("school_reviews"."rating" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "scheduled_tasks" ADD CONSTRAINT "scheduled_tasks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_tasks" ADD CONSTRAINT "scheduled_tasks_workflow_fkey" FOREIGN KEY ("tenant_id","workflow_sourced_id") REFERENCES "public"."workflows"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "workflow_runs" ADD CONSTRAINT "workflow_runs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_runs" ADD CONSTRAINT "workflow_runs_workflow_fkey" FOREIGN KEY ("tenant_id","workflow_sourced_id") REFERENCES "public"."workflows"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "workflow_steps" ADD CONSTRAINT "workflow_steps_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_steps" ADD CONSTRAINT "workflow_steps_workflow_fkey" FOREIGN KEY ("tenant_id","workflow_sourced_id") REFERENCES "public"."workflows"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "workflows" ADD CONSTRAINT "workflows_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_assignments" ADD CONSTRAINT "coach_assignments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_assignments" ADD CONSTRAINT "coach_assignments_coach_fkey" FOREIGN KEY ("tenant_id","coach_sourced_id") REFERENCES "public"."coach_profiles"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "coach_assignments" ADD CONSTRAINT "coach_assignments_school_fkey" FOREIGN KEY ("tenant_id","school_sourced_id") REFERENCES "public"."orgs"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "coach_certifications" ADD CONSTRAINT "coach_certifications_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_certifications" ADD CONSTRAINT "coach_certifications_coach_fkey" FOREIGN KEY ("tenant_id","coach_sourced_id") REFERENCES "public"."coach_profiles"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "coach_performance_metrics" ADD CONSTRAINT "coach_performance_metrics_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_performance_metrics" ADD CONSTRAINT "coach_performance_metrics_coach_fkey" FOREIGN KEY ("tenant_id","coach_sourced_id") REFERENCES "public"."coach_profiles"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "coach_profiles" ADD CONSTRAINT "coach_profiles_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_profiles" ADD CONSTRAINT "coach_profiles_user_fkey" FOREIGN KEY ("tenant_id","user_sourced_id") REFERENCES "public"."users"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "communication_channels" ADD CONSTRAINT "communication_channels_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_preferences" ADD CONSTRAINT "communication_preferences_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_preferences" ADD CONSTRAINT "communication_preferences_user_fkey" FOREIGN KEY ("tenant_id","user_sourced_id") REFERENCES "public"."users"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "message_recipients" ADD CONSTRAINT "message_recipients_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_recipients" ADD CONSTRAINT "message_recipients_message_fkey" FOREIGN KEY ("tenant_id","message_sourced_id") REFERENCES "public"."messages"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "message_recipients" ADD CONSTRAINT "message_recipients_user_fkey" FOREIGN KEY ("tenant_id","user_sourced_id") REFERENCES "public"."users"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "message_recipients" ADD CONSTRAINT "message_recipients_lead_fkey" FOREIGN KEY ("tenant_id","lead_sourced_id") REFERENCES "public"."leads"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "message_templates" ADD CONSTRAINT "message_templates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_templates" ADD CONSTRAINT "message_templates_channel_fkey" FOREIGN KEY ("tenant_id","channel_sourced_id") REFERENCES "public"."communication_channels"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_channel_fkey" FOREIGN KEY ("tenant_id","channel_sourced_id") REFERENCES "public"."communication_channels"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_template_fkey" FOREIGN KEY ("tenant_id","template_sourced_id") REFERENCES "public"."message_templates"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_sender_fkey" FOREIGN KEY ("tenant_id","sender_user_sourced_id") REFERENCES "public"."users"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_capacities" ADD CONSTRAINT "facility_capacities_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_capacities" ADD CONSTRAINT "facility_capacities_facility_fkey" FOREIGN KEY ("tenant_id","facility_sourced_id") REFERENCES "public"."facilities"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "facility_inspections" ADD CONSTRAINT "facility_inspections_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_inspections" ADD CONSTRAINT "facility_inspections_facility_fkey" FOREIGN KEY ("tenant_id","facility_sourced_id") REFERENCES "public"."facilities"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "facility_leases" ADD CONSTRAINT "facility_leases_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_leases" ADD CONSTRAINT "facility_leases_facility_fkey" FOREIGN KEY ("tenant_id","facility_sourced_id") REFERENCES "public"."facilities"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "school_facilities" ADD CONSTRAINT "school_facilities_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_facilities" ADD CONSTRAINT "school_facilities_school_fkey" FOREIGN KEY ("tenant_id","school_sourced_id") REFERENCES "public"."orgs"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "school_facilities" ADD CONSTRAINT "school_facilities_facility_fkey" FOREIGN KEY ("tenant_id","facility_sourced_id") REFERENCES "public"."facilities"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "esa_application_status_history" ADD CONSTRAINT "esa_application_status_history_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "esa_application_status_history" ADD CONSTRAINT "esa_status_history_application_fkey" FOREIGN KEY ("tenant_id","application_sourced_id") REFERENCES "public"."esa_applications"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "esa_applications" ADD CONSTRAINT "esa_applications_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "esa_applications" ADD CONSTRAINT "esa_applications_student_fkey" FOREIGN KEY ("tenant_id","student_user_sourced_id") REFERENCES "public"."users"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "esa_applications" ADD CONSTRAINT "esa_applications_guardian_fkey" FOREIGN KEY ("tenant_id","guardian_user_sourced_id") REFERENCES "public"."users"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "esa_applications" ADD CONSTRAINT "esa_applications_school_fkey" FOREIGN KEY ("tenant_id","school_sourced_id") REFERENCES "public"."orgs"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "financial_accounts" ADD CONSTRAINT "financial_accounts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_accounts" ADD CONSTRAINT "financial_accounts_holder_fkey" FOREIGN KEY ("tenant_id","holder_user_sourced_id") REFERENCES "public"."users"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "financial_accounts" ADD CONSTRAINT "financial_accounts_org_fkey" FOREIGN KEY ("tenant_id","org_sourced_id") REFERENCES "public"."orgs"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_fkey" FOREIGN KEY ("tenant_id","invoice_sourced_id") REFERENCES "public"."invoices"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_account_fkey" FOREIGN KEY ("tenant_id","account_sourced_id") REFERENCES "public"."financial_accounts"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_school_fkey" FOREIGN KEY ("tenant_id","school_sourced_id") REFERENCES "public"."orgs"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_student_fkey" FOREIGN KEY ("tenant_id","student_user_sourced_id") REFERENCES "public"."users"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_invoice_fkey" FOREIGN KEY ("tenant_id","invoice_sourced_id") REFERENCES "public"."invoices"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_payer_fkey" FOREIGN KEY ("tenant_id","payer_account_sourced_id") REFERENCES "public"."financial_accounts"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_transaction_fkey" FOREIGN KEY ("tenant_id","transaction_sourced_id") REFERENCES "public"."transactions"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_payer_fkey" FOREIGN KEY ("tenant_id","payer_account_sourced_id") REFERENCES "public"."financial_accounts"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_student_account_fkey" FOREIGN KEY ("tenant_id","student_account_sourced_id") REFERENCES "public"."financial_accounts"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_coach_account_fkey" FOREIGN KEY ("tenant_id","coach_account_sourced_id") REFERENCES "public"."financial_accounts"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_platform_account_fkey" FOREIGN KEY ("tenant_id","platform_account_sourced_id") REFERENCES "public"."financial_accounts"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "funnel_stages" ADD CONSTRAINT "funnel_stages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_scores" ADD CONSTRAINT "lead_scores_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_scores" ADD CONSTRAINT "lead_scores_lead_fkey" FOREIGN KEY ("tenant_id","lead_sourced_id") REFERENCES "public"."leads"("tenant_id","sourced_id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "lead_scoring_rules" ADD CONSTRAINT "lead_scoring_rules_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_stage_history" ADD CONSTRAINT "lead_stage_history_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_stage_history" ADD CONSTRAINT "lead_stage_history_lead_fkey" FOREIGN KEY ("tenant_id","lead_sourced_id") REFERENCES "public"."leads"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "lead_stage_history" ADD CONSTRAINT "lead_stage_history_stage_fkey" FOREIGN KEY ("tenant_id","stage_sourced_id") REFERENCES "public"."funnel_stages"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_school_of_interest_fkey" FOREIGN KEY ("tenant_id","school_of_interest_sourced_id") REFERENCES "public"."orgs"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_owner_fkey" FOREIGN KEY ("tenant_id","owner_user_sourced_id") REFERENCES "public"."users"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_stage_fkey" FOREIGN KEY ("tenant_id","stage_sourced_id") REFERENCES "public"."funnel_stages"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "parent_satisfaction_responses" ADD CONSTRAINT "parent_satisfaction_responses_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parent_satisfaction_responses" ADD CONSTRAINT "parent_satisfaction_school_fkey" FOREIGN KEY ("tenant_id","school_sourced_id") REFERENCES "public"."orgs"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "parent_satisfaction_responses" ADD CONSTRAINT "parent_satisfaction_parent_fkey" FOREIGN KEY ("tenant_id","parent_user_sourced_id") REFERENCES "public"."users"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "quality_metric_definitions" ADD CONSTRAINT "quality_metric_definitions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_metric_values" ADD CONSTRAINT "quality_metric_values_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_metric_values" ADD CONSTRAINT "quality_metric_values_definition_fkey" FOREIGN KEY ("tenant_id","definition_sourced_id") REFERENCES "public"."quality_metric_definitions"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "quality_metric_values" ADD CONSTRAINT "quality_metric_values_school_fkey" FOREIGN KEY ("tenant_id","school_sourced_id") REFERENCES "public"."orgs"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "school_reviews" ADD CONSTRAINT "school_reviews_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_reviews" ADD CONSTRAINT "school_reviews_school_fkey" FOREIGN KEY ("tenant_id","school_sourced_id") REFERENCES "public"."orgs"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "school_reviews" ADD CONSTRAINT "school_reviews_reviewer_fkey" FOREIGN KEY ("tenant_id","reviewer_user_sourced_id") REFERENCES "public"."users"("tenant_id","sourced_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "scheduled_tasks_modified_idx" ON "scheduled_tasks" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "scheduled_tasks_status_idx" ON "scheduled_tasks" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "scheduled_tasks_workflow_idx" ON "scheduled_tasks" USING btree ("tenant_id","workflow_sourced_id");--> statement-breakpoint
CREATE INDEX "workflow_runs_modified_idx" ON "workflow_runs" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "workflow_runs_status_idx" ON "workflow_runs" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "workflow_runs_workflow_idx" ON "workflow_runs" USING btree ("tenant_id","workflow_sourced_id");--> statement-breakpoint
CREATE INDEX "workflow_steps_modified_idx" ON "workflow_steps" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "workflow_steps_status_idx" ON "workflow_steps" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "workflow_steps_workflow_idx" ON "workflow_steps" USING btree ("tenant_id","workflow_sourced_id");--> statement-breakpoint
CREATE INDEX "workflows_modified_idx" ON "workflows" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "workflows_status_idx" ON "workflows" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "coach_assignments_modified_idx" ON "coach_assignments" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "coach_assignments_status_idx" ON "coach_assignments" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "coach_assignments_coach_idx" ON "coach_assignments" USING btree ("tenant_id","coach_sourced_id");--> statement-breakpoint
CREATE INDEX "coach_assignments_school_idx" ON "coach_assignments" USING btree ("tenant_id","school_sourced_id");--> statement-breakpoint
CREATE INDEX "coach_certifications_modified_idx" ON "coach_certifications" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "coach_certifications_status_idx" ON "coach_certifications" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "coach_certifications_coach_idx" ON "coach_certifications" USING btree ("tenant_id","coach_sourced_id");--> statement-breakpoint
CREATE INDEX "coach_performance_metrics_modified_idx" ON "coach_performance_metrics" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "coach_performance_metrics_status_idx" ON "coach_performance_metrics" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "coach_performance_metrics_coach_idx" ON "coach_performance_metrics" USING btree ("tenant_id","coach_sourced_id");--> statement-breakpoint
CREATE INDEX "coach_profiles_modified_idx" ON "coach_profiles" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "coach_profiles_status_idx" ON "coach_profiles" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "coach_profiles_user_idx" ON "coach_profiles" USING btree ("tenant_id","user_sourced_id");--> statement-breakpoint
CREATE INDEX "communication_channels_modified_idx" ON "communication_channels" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "communication_channels_status_idx" ON "communication_channels" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "communication_preferences_modified_idx" ON "communication_preferences" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "communication_preferences_status_idx" ON "communication_preferences" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "communication_preferences_user_idx" ON "communication_preferences" USING btree ("tenant_id","user_sourced_id");--> statement-breakpoint
CREATE INDEX "message_recipients_modified_idx" ON "message_recipients" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "message_recipients_status_idx" ON "message_recipients" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "message_recipients_message_idx" ON "message_recipients" USING btree ("tenant_id","message_sourced_id");--> statement-breakpoint
CREATE INDEX "message_recipients_user_idx" ON "message_recipients" USING btree ("tenant_id","user_sourced_id");--> statement-breakpoint
CREATE INDEX "message_recipients_lead_idx" ON "message_recipients" USING btree ("tenant_id","lead_sourced_id");--> statement-breakpoint
CREATE INDEX "message_templates_modified_idx" ON "message_templates" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "message_templates_status_idx" ON "message_templates" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "message_templates_channel_idx" ON "message_templates" USING btree ("tenant_id","channel_sourced_id");--> statement-breakpoint
CREATE INDEX "messages_modified_idx" ON "messages" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "messages_status_idx" ON "messages" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "messages_channel_idx" ON "messages" USING btree ("tenant_id","channel_sourced_id");--> statement-breakpoint
CREATE INDEX "messages_template_idx" ON "messages" USING btree ("tenant_id","template_sourced_id");--> statement-breakpoint
CREATE INDEX "messages_sender_idx" ON "messages" USING btree ("tenant_id","sender_user_sourced_id");--> statement-breakpoint
CREATE INDEX "facilities_modified_idx" ON "facilities" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "facilities_status_idx" ON "facilities" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "facility_capacities_modified_idx" ON "facility_capacities" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "facility_capacities_status_idx" ON "facility_capacities" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "facility_capacities_facility_idx" ON "facility_capacities" USING btree ("tenant_id","facility_sourced_id");--> statement-breakpoint
CREATE INDEX "facility_inspections_modified_idx" ON "facility_inspections" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "facility_inspections_status_idx" ON "facility_inspections" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "facility_inspections_facility_idx" ON "facility_inspections" USING btree ("tenant_id","facility_sourced_id");--> statement-breakpoint
CREATE INDEX "facility_leases_modified_idx" ON "facility_leases" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "facility_leases_status_idx" ON "facility_leases" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "facility_leases_facility_idx" ON "facility_leases" USING btree ("tenant_id","facility_sourced_id");--> statement-breakpoint
CREATE INDEX "school_facilities_modified_idx" ON "school_facilities" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "school_facilities_status_idx" ON "school_facilities" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "school_facilities_school_idx" ON "school_facilities" USING btree ("tenant_id","school_sourced_id");--> statement-breakpoint
CREATE INDEX "school_facilities_facility_idx" ON "school_facilities" USING btree ("tenant_id","facility_sourced_id");--> statement-breakpoint
CREATE INDEX "esa_status_history_application_idx" ON "esa_application_status_history" USING btree ("tenant_id","application_sourced_id");--> statement-breakpoint
CREATE INDEX "esa_applications_modified_idx" ON "esa_applications" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "esa_applications_status_idx" ON "esa_applications" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "esa_applications_student_idx" ON "esa_applications" USING btree ("tenant_id","student_user_sourced_id");--> statement-breakpoint
CREATE INDEX "esa_applications_guardian_idx" ON "esa_applications" USING btree ("tenant_id","guardian_user_sourced_id");--> statement-breakpoint
CREATE INDEX "esa_applications_school_idx" ON "esa_applications" USING btree ("tenant_id","school_sourced_id");--> statement-breakpoint
CREATE INDEX "financial_accounts_modified_idx" ON "financial_accounts" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "financial_accounts_status_idx" ON "financial_accounts" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "financial_accounts_holder_idx" ON "financial_accounts" USING btree ("tenant_id","holder_user_sourced_id");--> statement-breakpoint
CREATE INDEX "financial_accounts_org_idx" ON "financial_accounts" USING btree ("tenant_id","org_sourced_id");--> statement-breakpoint
CREATE INDEX "invoice_lines_modified_idx" ON "invoice_lines" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "invoice_lines_status_idx" ON "invoice_lines" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "invoice_lines_invoice_idx" ON "invoice_lines" USING btree ("tenant_id","invoice_sourced_id");--> statement-breakpoint
CREATE INDEX "invoices_modified_idx" ON "invoices" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "invoices_status_idx" ON "invoices" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "invoices_account_idx" ON "invoices" USING btree ("tenant_id","account_sourced_id");--> statement-breakpoint
CREATE INDEX "invoices_school_idx" ON "invoices" USING btree ("tenant_id","school_sourced_id");--> statement-breakpoint
CREATE INDEX "invoices_student_idx" ON "invoices" USING btree ("tenant_id","student_user_sourced_id");--> statement-breakpoint
CREATE INDEX "payments_modified_idx" ON "payments" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "payments_status_idx" ON "payments" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "payments_invoice_idx" ON "payments" USING btree ("tenant_id","invoice_sourced_id");--> statement-breakpoint
CREATE INDEX "payments_payer_idx" ON "payments" USING btree ("tenant_id","payer_account_sourced_id");--> statement-breakpoint
CREATE INDEX "payments_transaction_idx" ON "payments" USING btree ("tenant_id","transaction_sourced_id");--> statement-breakpoint
CREATE INDEX "payments_paid_idx" ON "payments" USING btree ("tenant_id","paid_at");--> statement-breakpoint
CREATE INDEX "transactions_modified_idx" ON "transactions" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "transactions_status_idx" ON "transactions" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "transactions_payer_idx" ON "transactions" USING btree ("tenant_id","payer_account_sourced_id");--> statement-breakpoint
CREATE INDEX "transactions_student_account_idx" ON "transactions" USING btree ("tenant_id","student_account_sourced_id");--> statement-breakpoint
CREATE INDEX "transactions_coach_account_idx" ON "transactions" USING btree ("tenant_id","coach_account_sourced_id");--> statement-breakpoint
CREATE INDEX "transactions_platform_account_idx" ON "transactions" USING btree ("tenant_id","platform_account_sourced_id");--> statement-breakpoint
CREATE INDEX "transactions_occurred_idx" ON "transactions" USING btree ("tenant_id","occurred_at");--> statement-breakpoint
CREATE INDEX "funnel_stages_modified_idx" ON "funnel_stages" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "funnel_stages_status_idx" ON "funnel_stages" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "lead_scores_score_idx" ON "lead_scores" USING btree ("tenant_id","score");--> statement-breakpoint
CREATE INDEX "lead_scoring_rules_modified_idx" ON "lead_scoring_rules" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "lead_scoring_rules_status_idx" ON "lead_scoring_rules" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "lead_stage_history_lead_idx" ON "lead_stage_history" USING btree ("tenant_id","lead_sourced_id");--> statement-breakpoint
CREATE INDEX "lead_stage_history_stage_idx" ON "lead_stage_history" USING btree ("tenant_id","stage_sourced_id");--> statement-breakpoint
CREATE INDEX "lead_stage_history_stage_time_idx" ON "lead_stage_history" USING btree ("tenant_id","stage_sourced_id","entered_at");--> statement-breakpoint
CREATE INDEX "leads_modified_idx" ON "leads" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "leads_status_idx" ON "leads" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "leads_school_of_interest_idx" ON "leads" USING btree ("tenant_id","school_of_interest_sourced_id");--> statement-breakpoint
CREATE INDEX "leads_owner_idx" ON "leads" USING btree ("tenant_id","owner_user_sourced_id");--> statement-breakpoint
CREATE INDEX "leads_stage_idx" ON "leads" USING btree ("tenant_id","stage_sourced_id");--> statement-breakpoint
CREATE INDEX "parent_satisfaction_responses_modified_idx" ON "parent_satisfaction_responses" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "parent_satisfaction_responses_status_idx" ON "parent_satisfaction_responses" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "parent_satisfaction_school_idx" ON "parent_satisfaction_responses" USING btree ("tenant_id","school_sourced_id");--> statement-breakpoint
CREATE INDEX "parent_satisfaction_parent_idx" ON "parent_satisfaction_responses" USING btree ("tenant_id","parent_user_sourced_id");--> statement-breakpoint
CREATE INDEX "quality_metric_definitions_modified_idx" ON "quality_metric_definitions" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "quality_metric_definitions_status_idx" ON "quality_metric_definitions" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "quality_metric_values_modified_idx" ON "quality_metric_values" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "quality_metric_values_status_idx" ON "quality_metric_values" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "quality_metric_values_definition_idx" ON "quality_metric_values" USING btree ("tenant_id","definition_sourced_id");--> statement-breakpoint
CREATE INDEX "quality_metric_values_school_idx" ON "quality_metric_values" USING btree ("tenant_id","school_sourced_id");--> statement-breakpoint
CREATE INDEX "school_reviews_modified_idx" ON "school_reviews" USING btree ("tenant_id","date_last_modified");--> statement-breakpoint
CREATE INDEX "school_reviews_status_idx" ON "school_reviews" USING btree ("tenant_id","status","sourced_id");--> statement-breakpoint
CREATE INDEX "school_reviews_school_idx" ON "school_reviews" USING btree ("tenant_id","school_sourced_id");--> statement-breakpoint
CREATE INDEX "school_reviews_reviewer_idx" ON "school_reviews" USING btree ("tenant_id","reviewer_user_sourced_id");