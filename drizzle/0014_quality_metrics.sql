-- Part 09, quality: the values schools record for their metrics are the "quality metrics" the
-- platform's documentation and seed talk about, so the table takes that name. Its constraints
-- and indexes follow, so every name that starts with the table's says which table it guards.
-- Guarded, like the other custom migrations, so a database renamed by hand is left as it is.
DO $$
DECLARE
  old_name text;
BEGIN
  IF to_regclass('public.quality_metric_values') IS NOT NULL
     AND to_regclass('public.quality_metrics') IS NULL THEN
    ALTER TABLE quality_metric_values RENAME TO quality_metrics;
  END IF;
  -- Renaming a primary key or unique constraint renames its index too.
  FOR old_name IN
    SELECT conname FROM pg_constraint
    WHERE conrelid = 'public.quality_metrics'::regclass AND conname LIKE 'quality\_metric\_values\_%'
  LOOP
    EXECUTE format('ALTER TABLE quality_metrics RENAME CONSTRAINT %I TO %I',
      old_name, 'quality_metrics_' || substr(old_name, length('quality_metric_values_') + 1));
  END LOOP;
  FOR old_name IN
    SELECT indexname FROM pg_indexes
    WHERE schemaname = 'public' AND tablename = 'quality_metrics'
      AND indexname LIKE 'quality\_metric\_values\_%'
  LOOP
    EXECUTE format('ALTER INDEX %I RENAME TO %I',
      old_name, 'quality_metrics_' || substr(old_name, length('quality_metric_values_') + 1));
  END LOOP;
END $$;
