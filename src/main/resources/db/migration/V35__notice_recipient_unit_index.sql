-- The sender's counts page of a notice to the whole school (15,871 recipients, bench/notices.sh) counts read and
-- confirmed per class on every load: with this index the GROUP BY reads the notice's rows in class order from the
-- index alone (no temporary table, no table rows), and the overall counts are covered too.
ALTER TABLE notice_recipient ADD KEY ix_notice_recipient_unit (notice_id, unit_name, read_at, confirmed_at);
