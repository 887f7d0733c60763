-- Auditors read the trail newest first, by office or by user (DOMAIN §7; Dir 2016/680 Art 25).
CREATE INDEX audit_entry_office_idx ON audit_entry (actor_office, id);
CREATE INDEX audit_entry_actor_name_idx ON audit_entry (actor_name, id);
