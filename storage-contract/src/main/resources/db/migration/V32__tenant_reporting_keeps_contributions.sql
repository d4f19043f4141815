-- Whether the active generation has contribution rows (the settings' keep_contributions, docs/settings.md): reporting
-- reads it with the generation, in the same statement, and answers the drill-down and the ticket filters that need
-- the rows with a problem instead of an empty list when the tenant keeps none. A column appended to the view:
-- CREATE OR REPLACE keeps the others as they are.
CREATE OR REPLACE VIEW tenant_reporting AS
SELECT t.tenant_id,
       coalesce(s.active_generation, 0) AS generation,
       coalesce(v.settings ->> 'time_zone', 'UTC') AS time_zone,
       coalesce(a.settings ->> 'time_zone', 'UTC') AS daily_time_zone,
       coalesce((a.settings ->> 'keep_contributions')::boolean, true) AS keeps_contributions
FROM (SELECT tenant_id FROM tenant_state UNION SELECT tenant_id FROM tenant_settings_versions) t
LEFT JOIN tenant_state s ON s.tenant_id = t.tenant_id
LEFT JOIN LATERAL (
    SELECT settings FROM tenant_settings_versions v
    WHERE v.tenant_id = t.tenant_id ORDER BY version DESC LIMIT 1
) v ON true
LEFT JOIN tenant_settings_versions a ON a.tenant_id = t.tenant_id AND a.version = s.active_settings_version;
