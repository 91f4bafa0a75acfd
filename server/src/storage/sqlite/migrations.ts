/**
 * Numbered schema migrations, applied in order and recorded in `schema_migrations`. A released migration is never
 * edited: a change to the schema is a new entry at the end, so every existing database can be brought forward.
 *
 * Records are stored whole as JSON in a `doc` column; only the fields we filter, sort or enforce uniqueness on are
 * copied into columns. That keeps the schema stable while the documents grow new optional fields.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
      -- One row of process-wide counters. The activation sequence lives here so that bumping it is part of the
      -- activation transaction; instances poll it to know when to reload compiled rule sets.
      CREATE TABLE meta (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        activation_sequence INTEGER NOT NULL DEFAULT 0
      );
      INSERT INTO meta (id, activation_sequence) VALUES (1, 0);

      CREATE TABLE rule_set_versions (
        key TEXT NOT NULL,
        version INTEGER NOT NULL,
        status TEXT NOT NULL,
        revision INTEGER NOT NULL,
        doc TEXT NOT NULL,
        UNIQUE (key, version)
      );
      -- The store checks this inside its transaction; the index is the backstop should any code path forget.
      CREATE UNIQUE INDEX rule_set_versions_one_active ON rule_set_versions (key) WHERE status = 'active';
      CREATE INDEX rule_set_versions_status ON rule_set_versions (status);

      CREATE TABLE audit_events (
        id TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        action TEXT NOT NULL,
        entity_type TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        entity_key TEXT NOT NULL,
        doc TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX audit_events_entity_id ON audit_events (entity_id, id);
      CREATE INDEX audit_events_entity_key ON audit_events (entity_key, id);
      CREATE INDEX audit_events_actor_id ON audit_events (actor_id, id);
      CREATE INDEX audit_events_actor_name ON audit_events (actor_name, id);
      CREATE INDEX audit_events_at ON audit_events (at);
      -- Append-only is a promise of the port; the triggers make a stray UPDATE or DELETE (a console session, a
      -- future bug) fail loudly instead of silently rewriting history.
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
      CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;

      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username_lower TEXT NOT NULL UNIQUE,
        revision INTEGER NOT NULL,
        doc TEXT NOT NULL
      );

      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX sessions_user_id ON sessions (user_id);
      CREATE INDEX sessions_expires_at ON sessions (expires_at);

      CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        prefix TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX api_keys_created_at ON api_keys (created_at);
    `,
  },
  {
    version: 2,
    name: 'decision-log',
    sql: `
      -- The decision log (DecisionLogStore). The record is kept whole in doc; the columns are what the log is
      -- filtered by. id is time-ordered, so ORDER BY id DESC is newest first and the id is the paging cursor.
      CREATE TABLE decision_log (
        id TEXT PRIMARY KEY,
        rule_set_key TEXT NOT NULL,
        rule_set_version INTEGER NOT NULL,
        outcome TEXT,
        client_id TEXT,
        caller_id TEXT NOT NULL,
        caller_name TEXT NOT NULL,
        evaluated_at TEXT NOT NULL,
        idempotency_key TEXT,
        doc TEXT NOT NULL
      );
      CREATE INDEX decision_log_rule_set ON decision_log (rule_set_key, id);
      CREATE INDEX decision_log_outcome ON decision_log (outcome, id);
      CREATE INDEX decision_log_client ON decision_log (client_id, id) WHERE client_id IS NOT NULL;
      CREATE INDEX decision_log_caller_id ON decision_log (caller_id, id);
      CREATE INDEX decision_log_caller_name ON decision_log (caller_name, id);
      CREATE INDEX decision_log_evaluated_at ON decision_log (evaluated_at);
      -- Idempotency keys are per caller; this is the backstop when two instances take the same key at once.
      CREATE UNIQUE INDEX decision_log_idempotency ON decision_log (caller_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
      CREATE TRIGGER decision_log_no_update BEFORE UPDATE ON decision_log
        BEGIN SELECT RAISE(ABORT, 'decision_log is append-only'); END;
      CREATE TRIGGER decision_log_no_delete BEFORE DELETE ON decision_log
        BEGIN SELECT RAISE(ABORT, 'decision_log is append-only'); END;
    `,
  },
  {
    version: 3,
    name: 'client-register',
    sql: `
      -- The client register (ClientStore). The record without its segments is kept whole in doc; segments (set by
      -- monitoring runs) have their own columns so a run rewrites a few bytes, not the profile. The other columns are
      -- copies of the fields lists filter on. natural_key is 'uscc:…', 'lei:…' or 'reg:<country>:…'.
      CREATE TABLE clients (
        id TEXT PRIMARY KEY,
        natural_key TEXT NOT NULL UNIQUE,
        revision INTEGER NOT NULL,
        name TEXT NOT NULL,
        name_en TEXT,
        uscc TEXT,
        lei TEXT,
        country TEXT NOT NULL,
        province TEXT,
        section TEXT,
        rm TEXT,
        exposure REAL NOT NULL DEFAULT 0,
        booked_class5 TEXT,
        tier TEXT,
        class5 TEXT,
        ifrs9_stage INTEGER,
        risk_level TEXT,
        tags TEXT,
        segments TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX clients_uscc ON clients (uscc) WHERE uscc IS NOT NULL;
      CREATE INDEX clients_lei ON clients (lei) WHERE lei IS NOT NULL;
      CREATE INDEX clients_section ON clients (section, id);
      CREATE INDEX clients_province ON clients (province, id);
      CREATE INDEX clients_country ON clients (country, id);
      CREATE INDEX clients_rm ON clients (rm, id);
      CREATE INDEX clients_booked_class5 ON clients (booked_class5, id);
      CREATE INDEX clients_class5 ON clients (class5, id);
      CREATE INDEX clients_tier ON clients (tier, id);
      CREATE INDEX clients_risk_level ON clients (risk_level, id);

      -- Classification history: one row per change a monitoring run (or a person) made to a client's segments.
      CREATE TABLE client_segment_history (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL,
        at TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX client_segment_history_client ON client_segment_history (client_id, id);

      -- Import jobs: progress while running, then the final report (row errors capped per job).
      CREATE TABLE client_imports (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        doc TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'simulations',
    sql: `
      -- What-if simulations (SimulationStore). doc is the run without its documents and results, which have their
      -- own columns so that listing runs parses neither. heartbeat_at finds runs whose process died.
      CREATE TABLE simulations (
        id TEXT PRIMARY KEY,
        rule_set_key TEXT NOT NULL,
        status TEXT NOT NULL,
        candidate_hash TEXT NOT NULL,
        baseline_hash TEXT NOT NULL,
        heartbeat_at TEXT NOT NULL,
        doc TEXT NOT NULL,
        results TEXT,
        documents TEXT NOT NULL
      );
      CREATE INDEX simulations_rule_set ON simulations (rule_set_key, id);
      CREATE INDEX simulations_status ON simulations (status, id);
      -- The approval evidence look-up: the latest completed run of exactly this candidate against this baseline.
      CREATE INDEX simulations_evidence ON simulations (rule_set_key, candidate_hash, baseline_hash, status, id);

      -- The changed records of a run, listed in population order (seq).
      CREATE TABLE simulation_changes (
        simulation_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        record_id TEXT NOT NULL,
        doc TEXT NOT NULL,
        PRIMARY KEY (simulation_id, seq)
      );
      CREATE INDEX simulation_changes_record ON simulation_changes (simulation_id, record_id);

      -- Uploaded populations: the file is under the data directory, its description (and batch offsets) here.
      CREATE TABLE simulation_uploads (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        doc TEXT NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: 'alerts-and-scans',
    sql: `
      -- Alerts (AlertStore): the alert as JSON in doc, the filtered fields as columns. The partial unique index is
      -- the promise "one active alert per (client, signal)": it holds even for two processes scanning the same file.
      -- Severity and rule filters read the id order and test the column (their values are few and dense), so they
      -- have no index: every index is paid on each of the hundreds of thousands of inserts of a first scan.
      CREATE TABLE alerts (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        rule_set_key TEXT NOT NULL,
        severity TEXT NOT NULL,
        status TEXT NOT NULL,
        owner TEXT,
        due_at TEXT NOT NULL,
        revision INTEGER NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE UNIQUE INDEX alerts_one_active ON alerts (client_id, rule_id) WHERE status IN ('open', 'acknowledged', 'in_progress');
      CREATE INDEX alerts_client ON alerts (client_id, id);
      CREATE INDEX alerts_status ON alerts (status, id);
      CREATE INDEX alerts_owner ON alerts (owner, id);

      -- When each alert's signal last fired, and whether it fired in the latest run: rewritten by every run for every
      -- active alert, so kept in small rows of their own (SQLite rewrites a whole row, document included, to change
      -- one column; here a page holds some sixty sightings instead of two or three alerts).
      CREATE TABLE alert_sightings (
        alert_id TEXT PRIMARY KEY,
        last_seen_at TEXT NOT NULL,
        still_firing INTEGER NOT NULL
      ) WITHOUT ROWID;

      -- Notes on alerts: append-only, like the audit trail.
      CREATE TABLE alert_notes (
        alert_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        doc TEXT NOT NULL,
        PRIMARY KEY (alert_id, seq)
      ) WITHOUT ROWID;
      CREATE TRIGGER alert_notes_no_update BEFORE UPDATE ON alert_notes
        BEGIN SELECT RAISE(ABORT, 'alert_notes is append-only'); END;
      CREATE TRIGGER alert_notes_no_delete BEFORE DELETE ON alert_notes
        BEGIN SELECT RAISE(ABORT, 'alert_notes is append-only'); END;

      -- Monitoring scans (ScanStore). slot is the cron minute of a scheduled scan: unique, so two instances firing
      -- the same schedule start one scan. heartbeat_at finds scans whose process stopped.
      CREATE TABLE monitoring_scans (
        id TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        slot TEXT UNIQUE,
        heartbeat_at TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX monitoring_scans_status ON monitoring_scans (status, id);
    `,
  },
  {
    version: 6,
    name: 'client-profiles-apart',
    sql: `
      -- A client's profile document (~15 KB: eight quarters of statements) lives apart from its row. SQLite rewrites
      -- a whole row on any update, and monitoring updates the segments of every client on a first scan: with the
      -- profile in the row, each segment change wrote the profile again.
      CREATE TABLE client_profiles (
        id TEXT PRIMARY KEY,
        doc TEXT NOT NULL
      );
      INSERT INTO client_profiles (id, doc) SELECT id, doc FROM clients;
      ALTER TABLE clients DROP COLUMN doc;
    `,
  },
  {
    version: 7,
    name: 'alerts-active-counts',
    sql: `
      -- The dashboard's active alerts by severity with the overdue ones (AlertStore.countActive). Without it the
      -- count reads the row of every active alert (documents included): ~200 ms at 75,000 active alerts, against
      -- ~7 ms for a scan of this index. Partial, so it holds only the active alerts; its WHERE must read exactly as
      -- the query's for SQLite to use it.
      CREATE INDEX alerts_active_counts ON alerts (severity, due_at) WHERE status IN ('open', 'acknowledged', 'in_progress');
    `,
  },
  {
    version: 8,
    name: 'decision-log-counts',
    sql: `
      -- Decisions per day by outcome (DecisionLogStore.countByDay) answered from the index alone: ~45 ms instead of
      -- ~300 ms for 100,000 decisions, which otherwise each cost a read of their row (the whole record). It replaces
      -- the index on evaluated_at alone, which it serves as well (the from/to filters of the log list), so a
      -- decision still writes as many index entries as before.
      DROP INDEX decision_log_evaluated_at;
      CREATE INDEX decision_log_evaluated_at_counts ON decision_log (evaluated_at, rule_set_key, outcome);
    `,
  },
];
