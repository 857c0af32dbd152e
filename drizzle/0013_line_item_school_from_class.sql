-- A line item that names no school (OneRoster 1.1 packages) belongs to its class's school.
CREATE OR REPLACE FUNCTION line_item_school_from_class() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.school_sourced_id IS NULL THEN
    SELECT c.school_sourced_id INTO NEW.school_sourced_id
    FROM classes c WHERE c.tenant_id = NEW.tenant_id AND c.sourced_id = NEW.class_sourced_id;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER line_item_school_from_class BEFORE INSERT OR UPDATE ON line_items
  FOR EACH ROW EXECUTE FUNCTION line_item_school_from_class();
