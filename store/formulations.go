package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"caseload/internal/domain"
)

// formulationSaved is the audit detail of "formulation.draft_saved" and, with the hash,
// of "formulation.signed": ids and the version, never the text.
type formulationSaved struct {
	FormulationID int64  `json:"formulation_id"`
	CaseID        int64  `json:"case_id"`
	Version       int    `json:"version"`
	SupersedesID  int64  `json:"supersedes_id,omitempty"`
	Created       bool   `json:"created,omitempty"`
	Hash          string `json:"hash,omitempty"`
}

func savedDetail(f domain.Formulation) formulationSaved {
	return formulationSaved{FormulationID: f.ID, CaseID: f.CaseID, Version: f.Version, SupersedesID: f.SupersedesID, Hash: f.Hash}
}

const formulationSelect = `SELECT id, case_id, version, ifnull(supersedes_id, 0), author_id, sections,
	created_at, updated_at, ifnull(signed_at, ''), ifnull(hash, ''), revision FROM formulations`

// Formulations returns every version of a case's formulation, newest first: signed
// versions and the draft, whoever wrote it (the UI shows a draft to its author).
func (s *Store) Formulations(ctx context.Context, caseID int64) ([]domain.Formulation, error) {
	if err := s.reader("read formulations"); err != nil {
		return nil, err
	}
	const what = "reading the formulation"
	rows, err := s.db.QueryContext(ctx, formulationSelect+" WHERE case_id = ? ORDER BY version DESC", caseID)
	if err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	defer rows.Close()
	var fs []domain.Formulation
	for rows.Next() {
		f, err := s.scanFormulation(rows)
		if err != nil {
			return nil, err
		}
		fs = append(fs, f)
	}
	if err := rows.Err(); err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	return fs, nil
}

// SaveFormulationDraft saves clinicianID's formulation draft, as they type. With f.ID 0
// it starts the case's draft (f.CaseID) at revision 1: the next version, superseding the
// latest signed one. When f.Version is set it must be that next version: an editor that
// started version 3 while someone signed version 3 elsewhere is refused (ErrConflict
// unwrapping to domain.ErrSigned, with a *StaleError naming the signed version), never
// turned silently into version 4 over text it did not see. A case has one draft at a
// time: a second by the same clinician (another window) is refused with ErrStale and a
// *StaleError naming that draft, one by someone else with ErrConflict. Otherwise it
// replaces the sections of the clinician's own draft f.ID, provided f.Revision is its
// latest revision (else ErrStale; a signed version, ErrConflict unwrapping to
// domain.ErrSigned; both with a *StaleError), and adds one to the revision. Only the
// sections (and the revision read) come from f: the store sets the version, what it
// supersedes, the author and the times. Sections must be those of
// domain.FormulationSections, each at most MaxTextBytes of UTF-8; empty ones are not
// stored. Audit "formulation.draft_saved".
func (s *Store) SaveFormulationDraft(ctx context.Context, clinicianID int64, at time.Time, f domain.Formulation) (domain.Formulation, error) {
	actor := clinicianActor(clinicianID)
	if err := s.checkChange(actor, at); err != nil {
		return domain.Formulation{}, err
	}
	sections, err := s.encodeSections(f.Sections)
	if err != nil {
		return domain.Formulation{}, err
	}
	at = second(at)
	var saved domain.Formulation
	err = s.inTx(ctx, "saving the formulation", func(tx *sql.Tx) error {
		err := s.activeClinician(ctx, tx, clinicianID)
		if err != nil {
			return err
		}
		created := f.ID == 0
		if created {
			if f.ID, err = s.insertDraft(ctx, tx, clinicianID, at, f, sections); err != nil {
				return err
			}
		} else {
			old, err := s.formulation(ctx, tx, f.ID)
			if err != nil {
				return err
			}
			switch {
			case old.Signed():
				return s.refuseStale(ctx, tx, at, formulationStale(old, f.Revision))
			case errors.Is(domain.CheckDraftEdit(old.AuthorID, clinicianID, false), domain.ErrNotAuthor):
				return s.notAuthor("formulation version", int64(old.Version), old.AuthorID)
			case f.CaseID != 0 && f.CaseID != old.CaseID:
				return newError(ErrInvalid, s.path, "formulation %d belongs to case %d, not case %d", old.ID, old.CaseID, f.CaseID)
			case f.Revision != old.Revision:
				return s.refuseStale(ctx, tx, at, formulationStale(old, f.Revision))
			}
			if _, err := tx.ExecContext(ctx, `UPDATE formulations SET sections = ?, updated_at = ?, revision = revision + 1
				WHERE id = ? AND signed_at IS NULL AND revision = ?`, sections, formatTime(at), f.ID, f.Revision); err != nil {
				return err
			}
		}
		if saved, err = s.formulation(ctx, tx, f.ID); err != nil {
			return err
		}
		detail := savedDetail(saved)
		detail.Created = created
		return s.audit(ctx, tx, actor, at, "formulation.draft_saved", "formulation", saved.ID, detail)
	})
	if err != nil {
		return domain.Formulation{}, err
	}
	return saved, nil
}

// insertDraft starts the case's next version (f.CaseID; f.Version when set must be it)
// and returns its id.
func (s *Store) insertDraft(ctx context.Context, tx *sql.Tx, author int64, at time.Time, f domain.Formulation, sections string) (int64, error) {
	caseID := f.CaseID
	if err := s.caseExists(ctx, tx, caseID); err != nil {
		return 0, err
	}
	latest, err := s.scanFormulation(tx.QueryRowContext(ctx, formulationSelect+" WHERE case_id = ? ORDER BY version DESC LIMIT 1", caseID))
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	id, version := latest.ID, latest.Version
	switch {
	case version > 0 && !latest.Signed() && latest.AuthorID == author:
		// The same clinician started it in another window: theirs to choose between.
		return 0, s.refuseStale(ctx, tx, at, formulationStale(latest, 0))
	case version > 0 && !latest.Signed():
		who := fmt.Sprintf("clinician %d", latest.AuthorID)
		if c, err := s.clinicianByID(ctx, tx, latest.AuthorID); err == nil {
			who = c.Name
		}
		return 0, newError(ErrConflict, s.path,
			"the case already has a formulation draft (version %d, by %s): a case has one draft at a time, so it is continued by its author or signed first",
			version, who)
	case f.Version != 0 && f.Version != version+1:
		// Started from an older version: a newer one was signed since.
		return 0, s.refuseStale(ctx, tx, at, formulationStale(latest, 0))
	}
	var supersedes any
	if version > 0 {
		supersedes = id
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO formulations (case_id, version, supersedes_id, author_id, sections,
		created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		caseID, version+1, supersedes, author, sections, formatTime(at), formatTime(at))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// SignFormulation signs clinicianID's draft id at at, exactly as it stood at revision,
// the one on the signer's screen (a draft saved since is refused with ErrStale and a
// *StaleError naming who and when), then domain CheckForSigning (the author, at least
// one section written): signed_at and the hash of the signed content
// (domain.FormulationHash), which never change again. Audit "formulation.signed" with
// the hash. It returns the signed version.
func (s *Store) SignFormulation(ctx context.Context, clinicianID int64, at time.Time, id int64, revision int) (domain.Formulation, error) {
	actor := clinicianActor(clinicianID)
	if err := s.checkChange(actor, at); err != nil {
		return domain.Formulation{}, err
	}
	at = second(at)
	var f domain.Formulation
	err := s.inTx(ctx, "signing the formulation", func(tx *sql.Tx) error {
		if err := s.activeClinician(ctx, tx, clinicianID); err != nil {
			return err
		}
		var err error
		if f, err = s.formulation(ctx, tx, id); err != nil {
			return err
		}
		switch {
		case f.Signed():
			return s.refuseStale(ctx, tx, at, formulationStale(f, revision))
		case f.AuthorID == clinicianID && f.Revision != revision:
			return s.refuseStale(ctx, tx, at, formulationStale(f, revision))
		}
		if err := f.CheckForSigning(clinicianID); err != nil {
			return s.refusedRecord(err)
		}
		f.SignedAt = at
		f.Hash = domain.FormulationHash(f)
		if _, err := tx.ExecContext(ctx, "UPDATE formulations SET signed_at = ?, hash = ? WHERE id = ? AND signed_at IS NULL AND revision = ?",
			formatTime(at), f.Hash, id, revision); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, at, "formulation.signed", "formulation", id, savedDetail(f))
	})
	if err != nil {
		return domain.Formulation{}, err
	}
	return f, nil
}

// encodeSections checks the sections and returns them as the stored JSON object.
func (s *Store) encodeSections(sections map[domain.SectionID]string) (string, error) {
	keep := make(map[domain.SectionID]string, len(sections))
	for id, text := range sections {
		sec, ok := domain.SectionByID(id)
		if !ok {
			return "", newError(ErrInvalid, s.path, "%q is not a section of the formulation", string(id))
		}
		if why := textProblem(text); why != "" {
			return "", newError(ErrInvalid, s.path, "the section %s %s", sec.Title, why)
		}
		if text != "" {
			keep[id] = text
		}
	}
	b, err := json.Marshal(keep) // keys sorted; the section list already excludes anything odd
	if err != nil {
		return "", newError(err, s.path, "saving the formulation: %v", err)
	}
	return string(b), nil
}

func (s *Store) formulation(ctx context.Context, q querier, id int64) (domain.Formulation, error) {
	f, err := s.scanFormulation(q.QueryRowContext(ctx, formulationSelect+" WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return f, newError(ErrNotFound, s.path, "formulation %d does not exist", id)
	}
	return f, err
}

// scanFormulation returns sql.ErrNoRows as it is.
func (s *Store) scanFormulation(row scanner) (domain.Formulation, error) {
	var f domain.Formulation
	var sections, created, updated, signed string
	err := row.Scan(&f.ID, &f.CaseID, &f.Version, &f.SupersedesID, &f.AuthorID, &sections, &created, &updated, &signed, &f.Hash, &f.Revision)
	if errors.Is(err, sql.ErrNoRows) {
		return f, err
	}
	if err != nil {
		return f, normalise(err, s.path, s.busy, "reading the formulation")
	}
	var errs [4]error
	errs[0] = json.Unmarshal([]byte(sections), &f.Sections)
	f.CreatedAt, errs[1] = parseTime(created)
	f.UpdatedAt, errs[2] = parseTime(updated)
	f.SignedAt, errs[3] = optionalTime(signed)
	if err := errors.Join(errs[:]...); err != nil {
		return f, newError(ErrCorrupt, s.path, "formulation %d in %s is malformed: %v", f.ID, s.path, err)
	}
	return f, nil
}
