-- Issue 14 (security): the CAS sign-ins a logout request may end, admin-given permissions, and the publishing log of
-- 收集表 that the per-person limit counts. Times of form_publish are school time (Asia/Shanghai), like form's.

-- The service tickets of the CAS sign-ins this app made, recorded when CAS handed them over. CAS's back-channel
-- logout requests are not signed: one naming a ticket that is not here changes nothing (CasLogouts). Shared by all
-- servers, since CAS may post the logout to any of them; rows older than 7 days are removed now and then.
CREATE TABLE cas_sign_in (
  ticket        VARCHAR(255) NOT NULL,
  signed_in_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (ticket),
  KEY ix_cas_sign_in_time (signed_in_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Permissions an admin gives a person beyond what the directory's roles imply (the people page; every grant and
-- revocation is in the audit log). The directory import never touches them. forms.publish-any: 收集表 to the whole
-- school, to any department, class or person, and by role.
CREATE TABLE permission_grant (
  person_id    BIGINT       NOT NULL,
  permission   VARCHAR(64)  NOT NULL,
  granted_by   VARCHAR(32)  NOT NULL,
  granted_at   DATETIME(3)  NOT NULL,
  PRIMARY KEY (person_id, permission),
  KEY ix_permission_grant_permission (permission),
  CONSTRAINT fk_permission_grant_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each publish of a form by a person: the limit of forms.publish-per-hour counts the last hour's rows, the same on
-- every server (the publisher's directory row is locked while counting, so two publishes at once take turns).
CREATE TABLE form_publish (
  account       VARCHAR(32)  NOT NULL,
  published_at  DATETIME(3)  NOT NULL,
  form_id       BIGINT       NOT NULL,
  PRIMARY KEY (account, published_at, form_id),
  CONSTRAINT fk_form_publish_form FOREIGN KEY (form_id) REFERENCES form (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
