-- CAS service tickets whose single-logout request has arrived. Any server may receive CAS's back-channel
-- logoutRequest while the person's session lives on (or moves to) another: each server checks this table.
CREATE TABLE cas_logout (
  ticket       VARCHAR(255) NOT NULL,
  logged_out_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (ticket),
  KEY ix_cas_logout_time (logged_out_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
