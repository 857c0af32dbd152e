-- Part 18, security: end users' rules split by command. Reads follow the rules below; writes
-- are refused by enforce_tenant_tables() (0015) on every table, except a person's own profile
-- fields. Every rule here uses the same notion of "current" for roles and enrollments.

-- Whether a dated role or enrollment holds today: begun (or undated) and not yet ended.
CREATE OR REPLACE FUNCTION holds_today(begin_date date, end_date date) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT (begin_date IS NULL OR begin_date <= current_date) AND (end_date IS NULL OR end_date >= current_date)
$$;
--> statement-breakpoint
-- Whether the session's end user holds any current role in the tenant. Someone whose roles
-- have all ended keeps seeing themself and their own grades, but no one else's.
CREATE OR REPLACE FUNCTION current_user_is_active() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM user_roles r
    WHERE r.tenant_id = current_tenant_id() AND r.user_sourced_id = current_user_sourced_id()
      AND r.status = 'active' AND holds_today(r.begin_date, r.end_date))
$$;
--> statement-breakpoint
-- The organizations the session's end user is a member of (as student or staff) through a
-- current role. Family roles give no membership: a parent whose role sits at the district
-- sees their children, not every family of the district.
CREATE OR REPLACE FUNCTION current_user_org_ids() RETURNS SETOF text LANGUAGE sql STABLE AS $$
  SELECT r.org_sourced_id FROM user_roles r
  WHERE r.tenant_id = current_tenant_id() AND r.user_sourced_id = current_user_sourced_id()
    AND r.status = 'active' AND holds_today(r.begin_date, r.end_date)
    AND r.role NOT IN ('parent', 'guardian', 'relative')
$$;
--> statement-breakpoint
-- The people the session's end user is a parent, guardian or relative of (their agent), while
-- that end user holds a current role.
CREATE OR REPLACE FUNCTION current_user_child_ids() RETURNS SETOF text LANGUAGE sql STABLE AS $$
  SELECT a.user_sourced_id FROM user_agents a
  WHERE a.tenant_id = current_tenant_id() AND a.agent_sourced_id = current_user_sourced_id()
    AND current_user_is_active()
$$;
--> statement-breakpoint
DROP POLICY IF EXISTS users_end_user_visibility ON users;
--> statement-breakpoint
-- A person sees themself, their children and their own parents or guardians, and the members
-- of the organizations they belong to.
CREATE POLICY users_end_user_visibility ON users AS RESTRICTIVE FOR SELECT USING (
  current_user_sourced_id() IS NULL
  OR sourced_id = current_user_sourced_id()
  OR sourced_id IN (SELECT current_user_child_ids())
  OR EXISTS (SELECT 1 FROM user_agents a
             WHERE a.tenant_id = users.tenant_id AND a.user_sourced_id = current_user_sourced_id()
               AND a.agent_sourced_id = users.sourced_id)
  OR primary_org_sourced_id IN (SELECT current_user_org_ids())
  OR EXISTS (
    SELECT 1 FROM user_roles r
    WHERE r.tenant_id = users.tenant_id AND r.user_sourced_id = users.sourced_id AND r.status = 'active'
      AND holds_today(r.begin_date, r.end_date)
      AND r.org_sourced_id IN (SELECT current_user_org_ids()))
);
--> statement-breakpoint
-- The fields of a person's own profile that they may change themself; everything else of the
-- record (names of record, identifiers, organization, roles, status) comes from the SIS.
CREATE OR REPLACE FUNCTION end_user_profile_columns() RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY['preferred_first_name', 'preferred_middle_name', 'preferred_last_name', 'pronouns', 'phone', 'sms']
$$;
--> statement-breakpoint
DROP POLICY IF EXISTS end_user_updates_nothing ON users;
--> statement-breakpoint
CREATE POLICY users_end_user_updates_own_profile ON users AS RESTRICTIVE FOR UPDATE
  USING (current_user_sourced_id() IS NULL OR sourced_id = current_user_sourced_id())
  WITH CHECK (current_user_sourced_id() IS NULL OR sourced_id = current_user_sourced_id());
--> statement-breakpoint
-- Row-level rules cannot name columns, so an end user's update that touches anything but
-- profile fields is refused here too (tsa_end_user also holds UPDATE on those columns only).
CREATE OR REPLACE FUNCTION end_user_profile_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changeable text[] := end_user_profile_columns() || ARRAY['date_last_modified', 'change_seq'];
BEGIN
  IF current_user_sourced_id() IS NOT NULL
     AND (to_jsonb(NEW) - changeable) IS DISTINCT FROM (to_jsonb(OLD) - changeable) THEN
    RAISE EXCEPTION 'an end user may change only their own profile fields (%)',
      array_to_string(end_user_profile_columns(), ', ')
      USING ERRCODE = 'insufficient_privilege',
            HINT = 'Other fields of a person come from the student information system: change them there or as the application.';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS end_user_profile_only ON users;
--> statement-breakpoint
CREATE TRIGGER end_user_profile_only BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION end_user_profile_only();
--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format('GRANT UPDATE (%s) ON users TO tsa_end_user',
    (SELECT string_agg(quote_ident(c), ', ') FROM unnest(end_user_profile_columns()) c));
END $$;
--> statement-breakpoint
DROP POLICY IF EXISTS financial_accounts_end_user_visibility ON financial_accounts;
--> statement-breakpoint
-- Account holders see their own accounts ...
CREATE POLICY financial_accounts_end_user_visibility ON financial_accounts AS RESTRICTIVE FOR SELECT USING (
  current_user_sourced_id() IS NULL OR holder_user_sourced_id = current_user_sourced_id()
);
--> statement-breakpoint
DROP POLICY IF EXISTS transactions_end_user_visibility ON transactions;
--> statement-breakpoint
-- ... and the transactions in which one of their accounts takes part.
CREATE POLICY transactions_end_user_visibility ON transactions AS RESTRICTIVE FOR SELECT USING (
  current_user_sourced_id() IS NULL
  OR EXISTS (
    SELECT 1 FROM financial_accounts a
    WHERE a.tenant_id = transactions.tenant_id AND a.holder_user_sourced_id = current_user_sourced_id()
      AND a.sourced_id IN (transactions.payer_account_sourced_id, transactions.student_account_sourced_id,
                           transactions.coach_account_sourced_id, transactions.platform_account_sourced_id))
);
--> statement-breakpoint
-- A grade is seen by the student; by the student's parents and guardians (their agents) while
-- they hold a current role; and by the coaches of the class it was given in, while both their
-- enrollment in that class and their role at its school hold.
CREATE OR REPLACE FUNCTION current_user_may_see_grade(tenant uuid, student text, class text)
RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT current_user_sourced_id() IS NULL
    OR student = current_user_sourced_id()
    OR student IN (SELECT current_user_child_ids())
    OR EXISTS (SELECT 1 FROM enrollments e
               WHERE e.tenant_id = tenant AND e.class_sourced_id = class
                 AND e.user_sourced_id = current_user_sourced_id()
                 AND e.role = 'teacher' AND e.status = 'active'
                 AND holds_today(e.begin_date, e.end_date)
                 AND e.school_sourced_id IN (SELECT current_user_org_ids()))
$$;
--> statement-breakpoint
DROP POLICY IF EXISTS results_end_user_visibility ON results;
--> statement-breakpoint
CREATE POLICY results_end_user_visibility ON results AS RESTRICTIVE FOR SELECT USING (
  current_user_sourced_id() IS NULL
  OR current_user_may_see_grade(tenant_id, student_sourced_id, coalesce(class_sourced_id,
       (SELECT li.class_sourced_id FROM line_items li
        WHERE li.tenant_id = results.tenant_id AND li.sourced_id = results.line_item_sourced_id)))
);
--> statement-breakpoint
DROP POLICY IF EXISTS assessment_results_end_user_visibility ON assessment_results;
--> statement-breakpoint
CREATE POLICY assessment_results_end_user_visibility ON assessment_results AS RESTRICTIVE FOR SELECT USING (
  current_user_sourced_id() IS NULL
  OR current_user_may_see_grade(tenant_id, student_sourced_id,
       (SELECT ali.class_sourced_id FROM assessment_line_items ali
        WHERE ali.tenant_id = assessment_results.tenant_id
          AND ali.sourced_id = assessment_results.assessment_line_item_sourced_id))
);
--> statement-breakpoint
DROP POLICY IF EXISTS course_grades_end_user_visibility ON course_grades;
--> statement-breakpoint
CREATE POLICY course_grades_end_user_visibility ON course_grades AS RESTRICTIVE FOR SELECT USING (
  current_user_sourced_id() IS NULL
  OR current_user_may_see_grade(tenant_id, student_sourced_id, class_sourced_id)
);
