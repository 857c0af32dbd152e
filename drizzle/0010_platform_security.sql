-- Part 18, security: what an end user may see. End-user sessions set app.user_id (see
-- current_user_sourced_id()); these policies are RESTRICTIVE, so they only narrow what the
-- permissive tenant_isolation policy already allows, and they pass when no end user is set,
-- leaving the application's own view of its tenant unchanged.

-- The organizations the session's end user belongs to through a current role.
CREATE OR REPLACE FUNCTION current_user_org_ids() RETURNS SETOF text LANGUAGE sql STABLE AS $$
  SELECT r.org_sourced_id FROM user_roles r
  WHERE r.tenant_id = current_tenant_id() AND r.user_sourced_id = current_user_sourced_id()
    AND r.status = 'active' AND (r.end_date IS NULL OR r.end_date >= current_date)
$$;
--> statement-breakpoint
-- A person sees themself and the members of their organizations.
CREATE POLICY users_end_user_visibility ON users AS RESTRICTIVE FOR ALL USING (
  current_user_sourced_id() IS NULL
  OR sourced_id = current_user_sourced_id()
  OR primary_org_sourced_id IN (SELECT current_user_org_ids())
  OR EXISTS (
    SELECT 1 FROM user_roles r
    WHERE r.tenant_id = users.tenant_id AND r.user_sourced_id = users.sourced_id AND r.status = 'active'
      AND (r.end_date IS NULL OR r.end_date >= current_date)
      AND r.org_sourced_id IN (SELECT current_user_org_ids()))
);
--> statement-breakpoint
-- Account holders see their own accounts ...
CREATE POLICY financial_accounts_end_user_visibility ON financial_accounts AS RESTRICTIVE FOR ALL USING (
  current_user_sourced_id() IS NULL OR holder_user_sourced_id = current_user_sourced_id()
);
--> statement-breakpoint
-- ... and the transactions in which one of their accounts takes part.
CREATE POLICY transactions_end_user_visibility ON transactions AS RESTRICTIVE FOR ALL USING (
  current_user_sourced_id() IS NULL
  OR EXISTS (
    SELECT 1 FROM financial_accounts a
    WHERE a.tenant_id = transactions.tenant_id AND a.holder_user_sourced_id = current_user_sourced_id()
      AND a.sourced_id IN (transactions.payer_account_sourced_id, transactions.student_account_sourced_id,
                           transactions.coach_account_sourced_id, transactions.platform_account_sourced_id))
);
--> statement-breakpoint
-- A grade is seen by the student, by the student's parents and guardians (their agents), and by
-- the coaches who teach the class it was given in.
CREATE OR REPLACE FUNCTION current_user_may_see_grade(tenant uuid, student text, class text)
RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT current_user_sourced_id() IS NULL
    OR student = current_user_sourced_id()
    OR EXISTS (SELECT 1 FROM user_agents a
               WHERE a.tenant_id = tenant AND a.user_sourced_id = student
                 AND a.agent_sourced_id = current_user_sourced_id())
    OR EXISTS (SELECT 1 FROM enrollments e
               WHERE e.tenant_id = tenant AND e.class_sourced_id = class
                 AND e.user_sourced_id = current_user_sourced_id()
                 AND e.role = 'teacher' AND e.status = 'active')
$$;
--> statement-breakpoint
CREATE POLICY results_end_user_visibility ON results AS RESTRICTIVE FOR ALL USING (
  current_user_sourced_id() IS NULL
  OR current_user_may_see_grade(tenant_id, student_sourced_id, coalesce(class_sourced_id,
       (SELECT li.class_sourced_id FROM line_items li
        WHERE li.tenant_id = results.tenant_id AND li.sourced_id = results.line_item_sourced_id)))
);
--> statement-breakpoint
CREATE POLICY assessment_results_end_user_visibility ON assessment_results AS RESTRICTIVE FOR ALL USING (
  current_user_sourced_id() IS NULL
  OR current_user_may_see_grade(tenant_id, student_sourced_id,
       (SELECT ali.class_sourced_id FROM assessment_line_items ali
        WHERE ali.tenant_id = assessment_results.tenant_id
          AND ali.sourced_id = assessment_results.assessment_line_item_sourced_id))
);
--> statement-breakpoint
CREATE POLICY course_grades_end_user_visibility ON course_grades AS RESTRICTIVE FOR ALL USING (
  current_user_sourced_id() IS NULL
  OR current_user_may_see_grade(tenant_id, student_sourced_id, class_sourced_id)
);
