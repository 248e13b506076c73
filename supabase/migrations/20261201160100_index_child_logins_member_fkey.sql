-- Why: private.child_logins points at family_members (family_id, child_id), but its only index on
-- family_id leads with (family_id, lower(login_name)), so removing a member scanned the whole table to
-- cascade (Supabase's Performance Advisor: unindexed_foreign_keys).

create index idx_child_logins_family_id_child_id on private.child_logins (family_id, child_id);
