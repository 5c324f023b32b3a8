import GRDB

/// The schema, as a sequence of named migrations run when a store opens. A migration, once
/// released, never changes: later schema changes are new migrations after it.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2-analysis") { db in
            try db.execute(sql: v2Analysis)
        }
        migrator.registerMigration("v3-stories") { db in
            try db.execute(sql: v3Stories)
            // Signatures only, in v3's columns; the stories themselves are formed once the
            // schema has everything linking reads (v7).
            try StoryGrouping.backfillSignatures(db: db)
        }
        migrator.registerMigration("v4-quotes-and-entities") { db in
            try db.execute(sql: v4QuoteGroups)
            try QuoteGroups.backfill(db: db)  // stores each article's entities, then its quotes
        }
        migrator.registerMigration("v5-bounded-lookups") { db in
            try db.execute(sql: v5BoundedLookups)
            try EntityMentions.backfillSurnames(db: db)
        }
        migrator.registerMigration("v6-name-variants") { db in
            try db.execute(sql: v6DropPersonNames)
            try EntityMentions.rekey(db: db)
            try db.execute(sql: v6PersonSurnames)
        }
        migrator.registerMigration("v7-candidate-postings") { db in
            try db.execute(sql: v7CandidatePostings)
            // Articles stored before stories existed (a v1 or v2 database) get theirs now.
            try StoryGrouping.groupUngrouped(db: db)
        }
        return migrator
    }

    /// The quotes and entities the analyzer finds in each article, as one JSON document
    /// (`StoredAnalysis`). Cross-article resources (quote groups, entities across outlets,
    /// stories) get tables of their own when they exist; until then this keeps the
    /// per-article analysis with the row it belongs to, written in the same transaction.
    static let v2Analysis = """
        ALTER TABLE article ADD COLUMN analysis TEXT NOT NULL DEFAULT '{"quotes":[],"entities":[]}';
        """

    /// Story grouping (`StoryGrouping`): each article's event signature and its top terms
    /// (the candidate index), and the pairs of articles that report the same event. Both go with their articles (ON DELETE CASCADE).
    static let v3Stories = """
        CREATE TABLE article_signature (
            seq       INTEGER PRIMARY KEY REFERENCES article(seq) ON DELETE CASCADE,
            event_day INTEGER,
            signature TEXT NOT NULL
        );
        CREATE INDEX article_signature_day ON article_signature(event_day);
        CREATE TABLE signature_term (
            term TEXT NOT NULL,
            seq  INTEGER NOT NULL REFERENCES article(seq) ON DELETE CASCADE,
            PRIMARY KEY (term, seq)
        ) WITHOUT ROWID;
        CREATE INDEX signature_term_seq ON signature_term(seq);
        CREATE TABLE story_link (
            a INTEGER NOT NULL REFERENCES article(seq) ON DELETE CASCADE,
            b INTEGER NOT NULL REFERENCES article(seq) ON DELETE CASCADE,
            PRIMARY KEY (a, b)
        ) WITHOUT ROWID;
        CREATE INDEX story_link_b ON story_link(b, a);
        CREATE INDEX article_story ON article(story_id, seq);
        """

    /// Quotes as rows (`QuoteGroups`), so one quote can be linked to its renderings in other
    /// articles; the quote text itself stays in the article's analysis as well. Entities per
    /// article (`EntityMentions`), so an entity can be followed across articles.
    static let v4QuoteGroups = """
        CREATE TABLE quote (
            id          TEXT PRIMARY KEY NOT NULL,
            article_seq INTEGER NOT NULL REFERENCES article(seq) ON DELETE CASCADE,
            idx         INTEGER NOT NULL,
            speaker     TEXT,
            speaker_id  TEXT,
            speaker_text TEXT,
            cue         TEXT,
            span_start  INTEGER NOT NULL,
            span_end    INTEGER NOT NULL,
            text        TEXT NOT NULL,
            group_id    TEXT NOT NULL
        );
        CREATE INDEX quote_speaker_id ON quote(speaker_id);
        CREATE VIRTUAL TABLE quote_fts USING fts5(
            text, content = 'quote', content_rowid = 'rowid',
            tokenize = 'porter unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER quote_fts_insert AFTER INSERT ON quote BEGIN
            INSERT INTO quote_fts(rowid, text) VALUES (new.rowid, new.text);
        END;
        CREATE TRIGGER quote_fts_delete AFTER DELETE ON quote BEGIN
            INSERT INTO quote_fts(quote_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
        END;

        CREATE TABLE entity_mention (
            entity_id   TEXT NOT NULL,
            article_seq INTEGER NOT NULL REFERENCES article(seq) ON DELETE CASCADE,
            name        TEXT NOT NULL,
            type        TEXT NOT NULL,
            mentions    INTEGER NOT NULL,
            aliases     TEXT NOT NULL,
            roles       TEXT NOT NULL,
            PRIMARY KEY (entity_id, article_seq)
        ) WITHOUT ROWID;
        CREATE INDEX entity_mention_article ON entity_mention(article_seq);
        CREATE INDEX entity_mention_name ON entity_mention(name COLLATE NOCASE);
        CREATE INDEX quote_article ON quote(article_seq, idx);
        CREATE INDEX quote_speaker ON quote(speaker COLLATE NOCASE);
        CREATE INDEX quote_group ON quote(group_id);
        CREATE TABLE quote_link (
            a TEXT NOT NULL REFERENCES quote(id) ON DELETE CASCADE,
            b TEXT NOT NULL REFERENCES quote(id) ON DELETE CASCADE,
            PRIMARY KEY (a, b)
        ) WITHOUT ROWID;
        CREATE INDEX quote_link_b ON quote_link(b, a);
        """

    /// Lookups whose cost must not grow with the corpus (issue 4, "At corpus scale"):
    /// - `quote.event_day` (the article's event day, copied) with an index by speaker and
    ///   day, so a quote's grouping candidates are a range of that index, not a scan of
    ///   every quote of a much-quoted speaker;
    /// - `person_name`: the distinct full names of people by surname, with the number of
    ///   `entity_mention` rows naming each (kept by triggers, so cascaded deletes count
    ///   too), so a lone surname resolves by one index lookup instead of a `LIKE` scan;
    /// - indexes of a story's articles by ID, publication date and outlet, so story detail
    ///   reads its sample, date range and outlets from index ranges whatever its size;
    /// - no stored links: stories and quote groups are kept as labels only (a story of a
    ///   few hundred reports had tens of thousands of pairwise links), and a delete regroups
    ///   from the remaining members (`StoryGrouping.regroup`, `QuoteGroups.regroup`).
    static let v5BoundedLookups = """
        DROP TABLE story_link;
        DROP TABLE quote_link;

        ALTER TABLE quote ADD COLUMN event_day INTEGER;
        UPDATE quote SET event_day = (SELECT s.event_day FROM article_signature s WHERE s.seq = quote.article_seq);
        CREATE INDEX quote_speaker_day ON quote(speaker COLLATE NOCASE, event_day);
        DROP INDEX quote_speaker;

        ALTER TABLE entity_mention ADD COLUMN surname TEXT;
        CREATE TABLE person_name (
            surname TEXT NOT NULL,
            name    TEXT NOT NULL,
            rows    INTEGER NOT NULL,
            PRIMARY KEY (surname, name)
        ) WITHOUT ROWID;
        CREATE TRIGGER person_name_insert AFTER INSERT ON entity_mention WHEN new.surname IS NOT NULL BEGIN
            INSERT INTO person_name(surname, name, rows) VALUES (new.surname, new.name, 1)
            ON CONFLICT(surname, name) DO UPDATE SET rows = rows + 1;
        END;
        CREATE TRIGGER person_name_delete AFTER DELETE ON entity_mention WHEN old.surname IS NOT NULL BEGIN
            UPDATE person_name SET rows = rows - 1 WHERE surname = old.surname AND name = old.name;
            DELETE FROM person_name WHERE surname = old.surname AND name = old.name AND rows <= 0;
        END;

        CREATE INDEX article_story_id ON article(story_id, id);
        CREATE INDEX article_story_published ON article(story_id, published);
        CREATE INDEX article_story_outlet ON article(story_id, outlet_id);
        """

    /// Spellings of one name share one entity ID (`EntityIdentifier`: "Kiev" is "Kyiv",
    /// "Zelenskiy" is "Zelenskyy"). Rows stored under older IDs move to the new ones
    /// (`EntityMentions.rekey`, between the two halves below, while no trigger watches
    /// `entity_mention`), and the surname table counts people by ID instead of by spelling, so
    /// two spellings of one full name do not make a lone surname ambiguous: `person_surname`
    /// holds each person (entity ID) once per folded surname, with the number of rows naming
    /// them, kept by triggers as `person_name` was.
    static let v6DropPersonNames = """
        DROP TRIGGER person_name_insert;
        DROP TRIGGER person_name_delete;
        DROP TABLE person_name;
        """

    static let v6PersonSurnames = """
        CREATE TABLE person_surname (
            surname   TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            rows      INTEGER NOT NULL,
            PRIMARY KEY (surname, entity_id)
        ) WITHOUT ROWID;
        INSERT INTO person_surname(surname, entity_id, rows)
            SELECT surname, entity_id, COUNT(*) FROM entity_mention WHERE surname IS NOT NULL GROUP BY surname, entity_id;
        CREATE TRIGGER person_surname_insert AFTER INSERT ON entity_mention WHEN new.surname IS NOT NULL BEGIN
            INSERT INTO person_surname(surname, entity_id, rows) VALUES (new.surname, new.entity_id, 1)
            ON CONFLICT(surname, entity_id) DO UPDATE SET rows = rows + 1;
        END;
        CREATE TRIGGER person_surname_delete AFTER DELETE ON entity_mention WHEN old.surname IS NOT NULL BEGIN
            UPDATE person_surname SET rows = rows - 1 WHERE surname = old.surname AND entity_id = old.entity_id;
            DELETE FROM person_surname WHERE surname = old.surname AND entity_id = old.entity_id AND rows <= 0;
        END;
        """

    /// Story candidates in one index range per top term (`StoryGrouping.link`): the postings
    /// carry their article's event day, and the story label sits in the small signature row
    /// (before the long signature), so finding an arrival's candidates and their stories
    /// reads neither the articles' rows nor their signatures. At 60,000 articles this took
    /// the candidate query from 1.3 to 0.35 ms. `article.story_id` stays the label reads use;
    /// `StoryGrouping` writes both. Quote candidates (`QuoteGroups.candidates`) likewise come
    /// from a covering index, without a visit to each candidate's row (0.33 → 0.19 ms).
    static let v7CandidatePostings = """
        ALTER TABLE signature_term ADD COLUMN event_day INTEGER;
        UPDATE signature_term SET event_day = (SELECT s.event_day FROM article_signature s WHERE s.seq = signature_term.seq);
        CREATE INDEX signature_term_day ON signature_term(term, event_day);

        CREATE TABLE article_signature_v7 (
            seq       INTEGER PRIMARY KEY REFERENCES article(seq) ON DELETE CASCADE,
            event_day INTEGER,
            story_id  TEXT,
            signature TEXT NOT NULL
        );
        INSERT INTO article_signature_v7(seq, event_day, story_id, signature)
            SELECT s.seq, s.event_day, a.story_id, s.signature FROM article_signature s JOIN article a ON a.seq = s.seq;
        DROP TABLE article_signature;
        ALTER TABLE article_signature_v7 RENAME TO article_signature;
        CREATE INDEX article_signature_day ON article_signature(event_day);
        CREATE INDEX article_signature_story ON article_signature(story_id);

        DROP INDEX quote_speaker_day;
        CREATE INDEX quote_candidates ON quote(speaker COLLATE NOCASE, event_day, article_seq, group_id, text);
        """

    /// Articles, their outlets, and a full-text index over title and body.
    ///
    /// `seq` is the ingestion sequence: `AUTOINCREMENT` keeps it strictly increasing and never
    /// reuses a deleted article's number, which list cursors rely on. `story_id` stays NULL
    /// until story grouping exists; quotes, entities and stories get their own tables then.
    static let v1 = """
        CREATE TABLE outlet (
            id   TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE article (
            seq          INTEGER PRIMARY KEY AUTOINCREMENT,
            id           TEXT NOT NULL UNIQUE,
            sha256       TEXT NOT NULL,
            raw          BLOB NOT NULL,
            content_type TEXT NOT NULL,
            text         TEXT NOT NULL,
            title        TEXT,
            outlet_id    TEXT REFERENCES outlet(id),
            published    TEXT CHECK (published IS NULL OR published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            url          TEXT,
            authors      TEXT NOT NULL DEFAULT '[]',
            language     TEXT NOT NULL,
            word_count   INTEGER NOT NULL,
            body         TEXT NOT NULL,
            body_start   INTEGER,
            body_end     INTEGER,
            story_id     TEXT,
            ingested_at  TEXT NOT NULL
        );
        CREATE INDEX article_outlet ON article(outlet_id, seq);
        CREATE INDEX article_published ON article(published, seq);

        CREATE VIRTUAL TABLE article_fts USING fts5(
            title, body,
            content = 'article', content_rowid = 'seq',
            tokenize = 'porter unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
            INSERT INTO article_fts(rowid, title, body) VALUES (new.seq, new.title, new.body);
        END;
        CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
            INSERT INTO article_fts(article_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
        END;
        CREATE TRIGGER article_fts_update AFTER UPDATE OF title, body ON article BEGIN
            INSERT INTO article_fts(article_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
            INSERT INTO article_fts(rowid, title, body) VALUES (new.seq, new.title, new.body);
        END;
        """
}
