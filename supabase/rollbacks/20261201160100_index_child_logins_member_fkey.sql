-- Undoes 20261201160100_index_child_logins_member_fkey.sql.

drop index private.idx_child_logins_family_id_child_id;
