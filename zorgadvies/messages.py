"""The one message table: every help text and error message, Dutch and English side by side.

``t(key, **params)`` returns the message of ``key`` in the current language with ``params`` filled in
(``str.format`` placeholders; the placeholders of the Dutch and the English text are the same, a test
checks it). The current language is a context variable: the CLI sets it from ``--lang``; without it,
``ZORGADVIES_LANG``, else the locale (``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``: a value
starting with ``en`` means English); Dutch by default. Library errors are raised with ``t(...)``, so
their text is in the language current at the time they are raised.

Keys are grouped by the module that uses them (``facts.``, ``safeio.``, ``cli.``...); ``click.`` keys
translate click's own strings (their English text is click's msgid, see zorgadvies/cli/lang.py).
No text lives anywhere else: a key that no module uses is an error (tests/test_messages.py).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar, Token

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "LANG_ENV",
    "MESSAGES",
    "current_language",
    "resolve_language",
    "set_language",
    "t",
    "using_language",
]

#: The languages of every message, in the order of the pairs in MESSAGES.
LANGUAGES = ("nl", "en")

DEFAULT_LANGUAGE = "nl"

#: Environment variable that chooses the language when --lang is not given (before the locale).
LANG_ENV = "ZORGADVIES_LANG"

#: The locale variables, in the order POSIX consults them for messages.
_LOCALE_ENV = ("LC_ALL", "LC_MESSAGES", "LANG")

_CURRENT: ContextVar[str | None] = ContextVar("zorgadvies_language", default=None)


def _language_of(value: str) -> str:
    return "en" if value.strip().lower().startswith("en") else "nl"


def resolve_language(explicit: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The language to use: ``explicit`` (``--lang``), else $ZORGADVIES_LANG, else the locale, else Dutch."""
    if explicit:
        return _language_of(explicit)
    env = os.environ if environ is None else environ
    chosen = env.get(LANG_ENV, "").strip()
    if chosen:
        return _language_of(chosen)
    for name in _LOCALE_ENV:
        value = env.get(name, "").strip()
        if value:  # the first one set decides, as for every POSIX program
            return _language_of(value)
    return DEFAULT_LANGUAGE


def current_language() -> str:
    """The language set for this context, or the one the environment chooses."""
    return _CURRENT.get() or resolve_language()


def set_language(lang: str | None) -> Token[str | None]:
    """Set the language of this context (``None``: back to the environment's choice)."""
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    return _CURRENT.set(lang)


@contextmanager
def using_language(lang: str | None) -> Iterator[str]:
    """Run a block in ``lang``; the previous language is restored afterwards."""
    token = set_language(lang)
    try:
        yield current_language()
    finally:
        _CURRENT.reset(token)


def t(key: str, /, **params: object) -> str:
    """The message ``key`` in the current language, with ``params`` filled in."""
    nl, en = MESSAGES[key]
    text = en if current_language() == "en" else nl
    return text.format(**params) if params else text


#: key -> (Dutch, English). Dutch addresses the reader as "u", as the interview and the reports do.
MESSAGES: dict[str, tuple[str, str]] = {
    # --- errors.py -------------------------------------------------------------------------------
    "errors.did_you_mean": ("bedoelde u '{hint}'?", "did you mean '{hint}'?"),
    # --- zorgadvies/interview.py and zorgadvies/cli/interview.py: the interview ------------------
    "interview.name": ("Naam van de organisatie", "Name of the organisation"),
    "interview.name_help": (
        "De naam zoals die in het advies moet staan.",
        "The name as it should appear in the advice.",
    ),
    "interview.sector": ("Sector", "Sector"),
    "interview.sector_help": (
        "De sector waarin de organisatie vooral werkt. Kies 'overig' als geen ervan past.",
        "The sector the organisation mainly works in. Choose 'other' if none fits.",
    ),
    "interview.employees": ("Aantal medewerkers", "Number of employees"),
    "interview.employees_help": (
        "Het aantal medewerkers (personen, geen fte). Vanaf 250 telt een organisatie als groot; sommige adviezen verschillen voor kleine en grote organisaties.",
        "The number of employees (people, not FTE). From 250 an organisation counts as large; some advice differs for small and large organisations.",
    ),
    "interview.person": ("Naam van persoon {n}", "Name of person {n}"),
    "interview.person_help": (
        "Noem de mensen met een rol in innovatie, implementatie of marketing, in elk geval wie Hoofd Innovatie of Hoofd Implementatie is. Druk op Enter als er niemand meer is. Bij de eerste persoon betekent 'onbekend': we weten niet wie welke rol heeft.",
        "Name the people with a role in innovation, implementation or marketing, at least whoever is Head of Innovation or Head of Implementation. Press Enter when there is nobody else. For the first person, 'unknown' means: we do not know who holds which role.",
    ),
    "interview.roles": ("Rollen van {name}", "Roles of {name}"),
    "interview.roles_help": (
        "Een of meer nummers of namen, gescheiden door komma's of spaties, bijvoorbeeld: 1, 5.",
        "One or more numbers or names, separated by commas or spaces, for example: 1, 5.",
    ),
    "interview.disc": ("DISC-profiel van {name}", "DISC profile of {name}"),
    "interview.disc_help": (
        "Kleuren, sterkste eerst (groen, blauw), letters (SC) of de vier scores uit een DISC-rapport in de volgorde D I S C (20 35 80 60, of rood=20 geel=35 groen=80 blauw=60). Rood = D, geel = I, groen = S, blauw = C. Enter of 'onbekend' als het profiel niet bekend is.",
        "Colours, strongest first (green, blue), letters (SC) or the four scores of a DISC report in the order D I S C (20 35 80 60, or red=20 yellow=35 green=80 blue=60). Red = D, yellow = I, green = S, blue = C. Enter or 'unknown' if the profile is not known.",
    ),
    "interview.give_answer": ("geef een antwoord (of onbekend / nvt)", "give an answer (or unknown / n/a)"),
    "interview.not_a_number": ("'{raw}' is geen heel getal", "'{raw}' is not a whole number"),
    "interview.min": ("het antwoord is minstens {n}", "the answer is at least {n}"),
    "interview.max": ("het antwoord is hoogstens {n}", "the answer is at most {n}"),
    "interview.bad_choice": (
        "'{raw}' is geen van de keuzes: typ een nummer van 1 tot {n}",
        "'{raw}' is not one of the choices: type a number from 1 to {n}",
    ),
    "interview.bad_bool": (
        "'{raw}' is geen ja of nee: typ ja, nee, onbekend of nvt",
        "'{raw}' is not yes or no: type yes, no, unknown or n/a",
    ),
    "interview.no_nvt": (
        "'nvt' past hier niet; typ 'onbekend' als u het niet weet",
        "'n/a' does not fit here; type 'unknown' if you do not know",
    ),
    "interview.need_name": ("de naam mag niet leeg zijn", "the name cannot be empty"),
    "interview.control_chars": (
        "dit bevat een stuurteken (een pijltjestoets?); typ het opnieuw",
        "this holds a control character (an arrow key?); type it again",
    ),
    "interview.need_role": (
        "kies minstens één rol: typ een of meer nummers van 1 tot {n}",
        "choose at least one role: type one or more numbers from 1 to {n}",
    ),
    "interview.bad_role": (
        "'{raw}' is geen rol: typ nummers van 1 tot {n} of de namen uit de lijst",
        "'{raw}' is not a role: type numbers from 1 to {n} or the names in the list",
    ),
    "interview.role_twice": ("rol '{raw}' staat er twee keer in", "role '{raw}' is given twice"),
    "interview.unknown_later": (
        "typ een naam, of druk op Enter als er niemand meer is",
        "type a name, or press Enter when there is nobody else",
    ),
    "interview.name_number": (
        "'{raw}' is een getal, geen naam: typ de naam van de persoon",
        "'{raw}' is a number, not a name: type the person's name",
    ),
    "interview.bad_disc": (
        "'{raw}' is geen DISC-profiel: typ kleuren (groen, blauw), letters (SC) of vier scores (D I S C)",
        "'{raw}' is not a DISC profile: type colours (green, blue), letters (SC) or four scores (D I S C)",
    ),
    "interview.disc_twice": ("kleur '{raw}' staat er twee keer in", "colour '{raw}' is given twice"),
    "interview.disc_missing": (
        "een DISC-rapport geeft alle vier de scores; ontbreekt: {missing}",
        "a DISC report gives all four scores; missing: {missing}",
    ),
    "interview.disc_range": (
        "een DISC-score ligt tussen 0 en 100, niet {raw}",
        "a DISC score lies between 0 and 100, not {raw}",
    ),
    "interview.no_back": (
        "terug kan alleen naar een vraag uit de vragenlijst die u in deze sessie beantwoordde",
        "'back' only returns to a questionnaire question answered in this session",
    ),
    "interview.part": ("Deel {n} van {total} — {name}", "Part {n} of {total} — {name}"),
    "interview.part_assessment": ("Het gesprek", "The conversation"),
    "interview.part_organisation": ("De organisatie", "The organisation"),
    "interview.part_people": ("Mensen en rollen", "People and roles"),
    "interview.part_questions": ("Vragenlijst", "Questionnaire"),
    "interview.part_targets": ("Doelen", "Targets"),
    "interview.assessment.date": ("Datum van het gesprek", "Date of the conversation"),
    "interview.assessment.date_help": (
        "De datum van dit assessment, zoals die op het voorblad van het rapport komt: JJJJ-MM-DD (2026-03-14) of DD-MM-JJJJ (14-3-2026). Enter neemt de datum van vandaag; '-' laat de datum weg.",
        "The date of this assessment, as it appears on the report's cover: YYYY-MM-DD (2026-03-14) or DD-MM-YYYY (14-3-2026). Enter takes today's date; '-' leaves the date out.",
    ),
    "interview.assessment.consultant": ("Consultant", "Consultant"),
    "interview.assessment.consultant_help": (
        "Wie het assessment leidt (uw naam). Enter slaat de vraag over.",
        "Who leads the assessment (your name). Enter skips the question.",
    ),
    "interview.assessment.client_contact": ("Contactpersoon bij de klant", "Contact person at the client"),
    "interview.assessment.client_contact_help": (
        "De contactpersoon van de organisatie voor dit assessment. Enter slaat de vraag over.",
        "The organisation's contact person for this assessment. Enter skips the question.",
    ),
    "interview.assessment.round": ("Naam van de ronde", "Name of the round"),
    "interview.assessment.round_help": (
        "Bijvoorbeeld 'nulmeting 2026' of 'herhaalmeting voorjaar'. Enter slaat de vraag over.",
        "For example 'baseline 2026' or 'spring re-assessment'. Enter skips the question.",
    ),
    "interview.target": ("Doel voor {pillar}", "Target for {pillar}"),
    "interview.target_now": ("Doel voor {pillar} (nu: {stage})", "Target for {pillar} (now: {stage})"),
    "interview.target_help": (
        "Het stadium dat de organisatie voor deze pijler wil bereiken: een nummer (1-4) of de naam (geïnitieerd, gedefinieerd, georganiseerd, geoptimaliseerd). Enter: geen doel.",
        "The stage the organisation wants to reach in this pillar: a number (1-4) or the name (initiated, defined, organised, optimised; the Dutch names work too). Enter: no target.",
    ),
    "interview.bad_date": (
        "'{raw}' is geen datum: typ JJJJ-MM-DD of DD-MM-JJJJ (Enter = vandaag, - = geen datum)",
        "'{raw}' is not a date: type YYYY-MM-DD or DD-MM-YYYY (Enter = today, - = no date)",
    ),
    "interview.bad_stage": (
        "'{raw}' is geen stadium: typ een nummer van 1 tot {n} of de naam van het stadium",
        "'{raw}' is not a stage: type a number from 1 to {n} or the stage's name",
    ),
    "interview.target_below": (
        "het doel ligt onder het stadium dat de organisatie al heeft ({stage}); typ een hoger stadium of Enter voor geen doel",
        "the target lies below the stage the organisation already has ({stage}); type a higher stage or Enter for no target",
    ),
    "interview.long_note": (
        "de toelichting is te lang (hoogstens {n} tekens)",
        "the note is too long (at most {n} characters)",
    ),
    "interview.header": (
        "Feitenbestand van 'zorgadvies interview' voor {name}.",
        "Facts file of 'zorgadvies interview' for {name}.",
    ),
    "interview.header_busy": (
        "Nog niet klaar; verder gaan met: zorgadvies interview --resume {file}",
        "Not finished yet; to continue: zorgadvies interview --resume {file}",
    ),
    "interview.header_done": ("Het interview is afgerond.", "The interview is finished."),
    "interview.header_assess": ("Het advies: zorgadvies assess {file}", "The advice: zorgadvies assess {file}"),
    "interview.cli.intro": (
        "zorgadvies interview — een feitenbestand opbouwen, vraag voor vraag.",
        "zorgadvies interview — building a facts file, question by question.",
    ),
    "interview.cli.keys": (
        "Typ ? voor uitleg bij een vraag, onbekend als u het antwoord niet weet, nvt als de vraag niet van toepassing is en terug om de vorige vraag opnieuw te beantwoorden. Een toelichting (waarop het antwoord berust, bijvoorbeeld een document) typt u achter het antwoord na een #: ja # notulen MT 3 maart. Elk antwoord wordt meteen opgeslagen; u kunt altijd stoppen met Ctrl-C en later verdergaan.",
        "Type ? for an explanation of a question, unknown if you do not know the answer, n/a if the question does not apply and back to answer the previous question again. A note (what the answer rests on, for example a document) goes after the answer, behind a #: yes # minutes board 3 March. Every answer is saved at once; you can stop at any time with Ctrl-C and continue later.",
    ),
    "interview.cli.saving": ("Antwoorden worden opgeslagen in {file}.", "Answers are saved in {file}."),
    "interview.cli.saving_default": ("Antwoorden worden opgeslagen in {file}.", "Answers are saved in {file}."),
    "interview.cli.resumed": (
        "Verder met {file}: {answered} vragen van de vragenlijst zijn al beantwoord.",
        "Continuing {file}: {answered} questions of the questionnaire are already answered.",
    ),
    "interview.cli.exists": (
        "bestaat al; ga verder met --resume {file} of kies een ander bestand met --out",
        "already exists; continue it with --resume {file} or choose another file with --out",
    ),
    "interview.cli.answer": ("Antwoord", "Answer"),
    "interview.cli.choice_hint": ("1-{n}, onbekend, nvt, ?", "1-{n}, unknown, n/a, ?"),
    "interview.cli.bool_hint": ("ja/nee, onbekend, nvt, ?", "yes/no, unknown, n/a, ?"),
    "interview.cli.int_hint": ("getal, onbekend, nvt, ?", "number, unknown, n/a, ?"),
    "interview.cli.sector_hint": ("1-{n}, onbekend, ?", "1-{n}, unknown, ?"),
    "interview.cli.employees_hint": ("getal, onbekend, ?", "number, unknown, ?"),
    "interview.cli.person_first_hint": (
        "Enter = niemand, onbekend = weet niet, ?",
        "Enter = nobody, unknown = do not know, ?",
    ),
    "interview.cli.person_hint": ("Enter = geen personen meer", "Enter = no more people"),
    "interview.cli.roles_hint": ("nummers, bv. 1, 5", "numbers, e.g. 1, 5"),
    "interview.cli.disc_hint": ("Enter = onbekend, ? = uitleg", "Enter = unknown, ? = explanation"),
    "interview.cli.date_hint": ("Enter = {today}, - = geen datum", "Enter = {today}, - = no date"),
    "interview.cli.text_hint": ("Enter = overslaan", "Enter = skip"),
    "interview.cli.stage_hint": ("1-{n} of naam, Enter = geen doel, ?", "1-{n} or name, Enter = no target, ?"),
    "interview.cli.noted": ("  Toelichting opgeslagen.", "  Note saved."),
    "interview.cli.target_done": ("doel {stage}", "target {stage}"),
    "interview.cli.lead_assessment": (
        "Deze gegevens komen op het voorblad van het rapport. Druk op Enter om een vraag over te slaan.",
        "These details go on the cover of the report. Press Enter to skip a question.",
    ),
    "interview.cli.lead_targets": (
        "Welk stadium wil de organisatie per pijler bereiken? Het doel staat in het radardiagram en in het rapport naast het huidige stadium. Enter: geen doel voor die pijler.",
        "Which stage does the organisation want to reach per pillar? The target is drawn in the radar chart and shown in the report beside the current stage. Enter: no target for that pillar.",
    ),
    "interview.cli.back": ("Terug naar de vorige vraag.", "Back to the previous question."),
    "interview.cli.no_holders": (
        "Niemand in de lijst heeft de rol Hoofd Innovatie of Hoofd Implementatie; of die rollen er zijn, vragen we apart.",
        "Nobody in the list holds the role Head of Innovation or Head of Implementation; whether those roles exist is asked separately.",
    ),
    "interview.cli.people_unknown": ("De mensen en rollen blijven onbekend.", "People and roles stay unknown."),
    "interview.cli.interrupted": (
        "Onderbroken. Alles tot nu toe is opgeslagen in {file}.",
        "Interrupted. Everything so far is saved in {file}.",
    ),
    "interview.cli.continue": ("Verder gaan:  {cmd}", "To continue:  {cmd}"),
    "interview.cli.nothing_saved": (
        "Onderbroken vóór de naam van de organisatie; er is niets opgeslagen.",
        "Interrupted before the organisation's name; nothing was saved.",
    ),
    "interview.cli.done": (
        "Klaar: {answered} vragen beantwoord{unknown}; de andere {skipped} konden de uitkomst niet meer veranderen.",
        "Done: {answered} questions answered{unknown}; the other {skipped} could no longer change the outcome.",
    ),
    "interview.cli.done_all": (
        "Klaar: alle {answered} vragen beantwoord{unknown}.",
        "Done: all {answered} questions answered{unknown}.",
    ),
    "interview.cli.unknown_count": (" ({n} met onbekend)", " ({n} as unknown)"),
    "interview.cli.undetermined": (
        "Een stadium is onbepaald zolang vragen die het beslechten onbekend zijn; het volledige advies noemt ze. Weet u die antwoorden later, vul ze dan in het bestand in.",
        "A stage stays undetermined while questions that settle it are unknown; the full advice names them. Fill them in in the file when you know the answers.",
    ),
    "interview.cli.saved": ("Opgeslagen in {file}.", "Saved in {file}."),
    "interview.cli.summary": ("Ontwikkelstadium per pijler", "Development stage per pillar"),
    "interview.cli.full": (
        "Het volledige advies — waarom elk stadium, wat nodig is voor het volgende en {n} aanbevelingen:",
        "The full advice — why each stage, what the next one needs and {n} recommendations:",
    ),
    "interview.cli.lead_people": (
        "Noem wie een rol heeft bij innovatie, implementatie of marketing, in elk geval wie Hoofd Innovatie of Hoofd Implementatie is. Voor die twee rollen volgt het DISC-profiel: als kleuren, sterkste eerst (groen, blauw), als letters (SC) of als de vier scores D I S C (20 35 80 60).",
        "Name who has a role in innovation, implementation or marketing, at least whoever is Head of Innovation or Head of Implementation. For those two roles the DISC profile follows: as colours, strongest first (green, blue), as letters (SC) or as the four scores D I S C (20 35 80 60).",
    ),
    "interview.cli.lead_questions": (
        "Vragen die de uitkomst niet meer kunnen veranderen, worden overgeslagen; het aantal na ≈ is daarom een bovengrens die onderweg kleiner wordt.",
        "Questions that can no longer change the outcome are skipped; the number after ≈ is therefore an upper bound that shrinks as you go.",
    ),
    "interview.quick.intro": (
        "Snelle scan: na de organisatie en de mensen ten hoogste {n} vragen, genoeg voor een schatting van alle zes pijlers en een eerste advies.",
        "Quick scan: after the organisation and the people at most {n} questions, enough for an estimate of all six pillars and a first advice.",
    ),
    "interview.quick.done": (
        "Snelle scan klaar: {answered} vragen beantwoord{unknown}.",
        "Quick scan done: {answered} questions answered{unknown}.",
    ),
    "interview.quick.estimate": ("schatting", "estimate"),
    "interview.quick.basis_criteria": ("op grond van de criteria", "from the criteria"),
    "interview.quick.basis_zelfinschatting": ("eigen inschatting", "self-placement"),
    "interview.quick.basis_onbepaald": ("onbepaald", "undetermined"),
    "interview.quick.bounds": ("minstens {low}, hoogstens {high}", "at least {low}, at most {high}"),
    "interview.quick.focus": ("Nu aan de slag", "Get started"),
    "interview.quick.more": (
        "Het volledige interview gaat verder waar de snelle scan ophield:",
        "The full interview continues where the quick scan stopped:",
    ),
    "interview.quick.full": ("Het advies met alle {n} aanbevelingen:", "The advice with all {n} recommendations:"),
    "interview.unknown_step": ("onbekende vraag '{key}'", "unknown question '{key}'"),
    "interview.cannot_read": ("kan het bestand niet lezen ({reason})", "cannot read ({reason})"),
    "cli.interview": (
        "Bouw een feitenbestand op door vragen te beantwoorden; na elk antwoord opgeslagen.\n\n"
        "Eerst de gegevens van het gesprek (datum, consultant, contactpersoon, ronde), dan de organisatie, de "
        "mensen en de vragen die een conclusie nog kunnen veranderen, tot slot het doel per pijler. Antwoord ? "
        "voor uitleg, onbekend of nvt; een toelichting volgt het antwoord na een # (ja # notulen MT). Ctrl-C "
        "stopt, --resume FILE gaat verder. --quick stelt alleen de snelle scan (docs/interview.md).",
        "Build a facts file by answering questions; saved after every answer.\n\n"
        "First the details of the conversation (date, consultant, contact person, round), then the organisation, "
        "the people and the questions that can still change a conclusion, last the target per pillar. Answer ? "
        "for an explanation, unknown or n/a; a note follows the answer after a # (yes # board minutes). Ctrl-C "
        "stops, --resume FILE continues. --quick asks only the quick scan (docs/interview.md).",
    ),
    "cli.interview.out": (
        "Sla het feitenbestand hier op (standaard: ./interview-<naam>.yaml).",
        "Save the facts file here (default: ./interview-<name>.yaml).",
    ),
    "cli.interview.resume": ("Ga verder met een eerder interview dat in dit bestand staat.", "Continue an earlier interview saved in this file."),
    "cli.interview.quick": (
        "Snelle scan: ten hoogste 15 vragen voor een schatting van alle pijlers en een eerste advies.",
        "Quick scan: at most 15 questions for estimates of all pillars and a first advice.",
    ),
    "batch.cell_too_long": ("een cel is langer dan {kb} KB", "a cell is longer than {kb} KB"),
    "batch.quote_not_closed": ("een cel tussen aanhalingstekens wordt nooit gesloten (er ontbreekt een \")", "a quoted cell is never closed (a \" is missing)"),
    # --- cli: help of the commands and their options (zorgadvies/cli/lang.py shows them) ----------
    "cli.main": (
        "Uitlegbaar advies voor zorgorganisaties over het organiseren van innovatie en marketing.",
        "Explainable advice for care organisations on organising innovation and marketing.",
    ),
    "cli.main.max_input_mb": (
        "Grootste feitenbestand dat gelezen wordt, in MB (standaard {max_mb}; ook ${max_env}).",
        "Largest facts file to read, in MB (default {max_mb}; also ${max_env}).",
    ),
    "cli.opt.lang": (
        "Taal van uitvoer, hulp en meldingen: nl of en. Zonder --lang is de uitvoer Nederlands en "
        "volgen hulp en meldingen ${lang_env}, anders de locale (LC_ALL, LC_MESSAGES, LANG).",
        "Language of the output, help and messages: nl or en. Without --lang the output is Dutch and "
        "help and messages follow ${lang_env}, else the locale (LC_ALL, LC_MESSAGES, LANG).",
    ),
    "cli.opt.messages_lang": (
        "Taal van hulp en meldingen: nl of en (zonder --lang: ${lang_env}, anders de locale).",
        "Language of help and messages: nl or en (without --lang: ${lang_env}, else the locale).",
    ),
    "cli.opt.output": ("Schrijf naar dit bestand in plaats van af te drukken.", "Write to this file instead of printing."),
    "cli.opt.size_threshold": (
        "Aantal medewerkers vanaf waar een organisatie 'groot' is.",
        "Employees from which an organisation is 'groot'.",
    ),
    "cli.opt.rules": (
        "Extra map met een regelpakket, naast het ingebouwde pakket (herhaalbaar).",
        "Extra rule-pack folder to load beside the built-in pack (repeatable).",
    ),
    "cli.opt.set": ("Wijzig eerst een antwoord (herhaalbaar).", "Change an answer first (repeatable)."),
    "cli.assess": (
        "Beoordeel de organisatie die in FILE beschreven is (YAML of JSON).",
        "Assess the organisation described in FILE (YAML or JSON).",
    ),
    "cli.assess.brief": ("Tekstuitvoer zonder het bewijs per pijler.", "Text output without the evidence per pillar."),
    "cli.assess.all": (
        "Tekstuitvoer met alle aanbevelingen, niet alleen de belangrijkste.",
        "Text output with every recommendation, not only the top.",
    ),
    "cli.assess.set": (
        "Wat-als: wijzig een antwoord en toon wat er verandert (herhaalbaar).",
        "What-if: change an answer and show what changes (repeatable).",
    ),
    "cli.assess.audit_log": (
        "Schrijf elke regel die vuurt en de digest van de invoer naar dit JSON-lines-bestand.",
        "Write every rule firing and the input's digest to this JSON-lines file.",
    ),
    "cli.assess.audit_key": (
        "Onderteken het auditlog met de HMAC-SHA256-sleutel in dit bestand (zie docs/auditor-guide.md).",
        "Sign the audit log with the HMAC-SHA256 key in this file (see docs/auditor-guide.md).",
    ),
    "cli.assess.save": ("Leg de beoordeling vast in de historiedatabase.", "Record the assessment in the history database."),
    "cli.assess.db": (
        "Historiedatabase (standaard: in de gegevensmap van de gebruiker).",
        "History database (default: in the user's data directory).",
    ),
    "cli.graph": (
        "Druk de afhankelijkheidsgraaf van de aanbevelingen af.\n\n"
        "Zonder FILE de hele kennisgraaf; met FILE dezelfde graaf met de aanbevelingen die voor die "
        "organisatie gelden gemarkeerd (en genummerd naar rang).",
        "Print the recommendation dependency graph.\n\n"
        "Without FILE the whole knowledge graph; with FILE the same graph with the recommendations that "
        "apply to that organisation marked (and numbered by rank).",
    ),
    "cli.schema": (
        "Druk het JSON Schema van een feitenbestand af (of, met --kind output, van het JSON-rapport).",
        "Print the JSON Schema of a facts file (or, with --kind output, of the JSON report).",
    ),
    "cli.schema.kind": ("Het feitenbestand (input) of het JSON-rapport (output).", "The facts file (input) or the JSON report (output)."),
    "cli.explain": (
        "Leg uit waarom ID wel (of niet) geldt voor de organisatie in FILE.\n\n"
        "ID is een pijler (innovatie), een aanbeveling (visie-formuleren), een reflectievraag of een regel.",
        "Explain why (or why not) ID applies to the organisation in FILE.\n\n"
        "ID is a pillar (innovatie), a recommendation (visie-formuleren), a reflection question or a rule.",
    ),
    "cli.path": (
        "De minste antwoorden die PILLAR naar stadium TARGET brengen, en de aanbevelingen onderweg.",
        "The fewest answers that bring PILLAR to stage TARGET, and the recommendations on the way.",
    ),
    "cli.path.pillar": ("Pijler-id, bijvoorbeeld innovatie.", "Pillar id, e.g. innovatie."),
    "cli.path.target": ("Te bereiken stadium (1-4).", "Stage to reach (1-4)."),
    "cli.replay": (
        "Voer de beoordeling uit een auditlog LOG opnieuw uit en bevestig de uitkomst (exitcode 1 bij verschil).\n\n"
        "Eerst wordt elke digest in het log gecontroleerd; met --audit-key ook de handtekening. Een log "
        "dat een controle niet doorstaat wordt geweigerd (exitcode 2). Zie docs/auditor-guide.md voor "
        "wat elke modus bewijst.",
        "Re-run the assessment recorded in an audit LOG and confirm the result (exit 1 if it differs).\n\n"
        "Every digest in the log is checked first; with --audit-key also its signature. A log that "
        "fails a check is refused (exit 2). See docs/auditor-guide.md for what each mode proves.",
    ),
    "cli.replay.audit_key": (
        "Controleer de HMAC-SHA256-handtekening van het log met de sleutel in dit bestand.",
        "Verify the log's HMAC-SHA256 signature with the key in this file.",
    ),
    "cli.report": (
        "Schrijf het rapport over de organisatie in FILE als HTML, Markdown of PDF.\n\n"
        "Standaard het klantrapport: een managementsamenvatting, een deel per pijler, de routekaart en de "
        "reflectievragen, zonder regel-id's of digests; --audit voegt het auditspoor toe. Het HTML-rapport "
        "is één zelfstandig bestand (CSS, SVG-radar en logo ingebed) dat goed naar PDF afdrukt. Een "
        "Markdown-rapport dat met -o geschreven wordt krijgt zijn radar als OUT-radar.svg ernaast; naar "
        "stdout wordt de radar als data:-URI ingebed. PDF (-o FILE.pdf of --format pdf) vraagt de "
        "optionele extra: pip install 'zorgadvies[pdf]'. Zonder -o op een terminal gaan HTML en PDF naar "
        "rapport-<organisatie>.html/.pdf in de huidige map (nooit over een bestaand bestand).",
        "Write the report on the organisation in FILE as HTML, Markdown or PDF.\n\n"
        "By default the client report: a management summary, a part per pillar, the roadmap and the "
        "reflection questions, without rule ids or digests; --audit adds the audit trail. The HTML "
        "report is one self-contained file (inline CSS, SVG radar, the logo as a data: URI) that prints "
        "well to PDF. A Markdown report written with -o gets its radar as OUT-radar.svg beside it; "
        "printed to stdout, the radar is embedded as a data: URI instead. PDF (-o FILE.pdf or --format "
        "pdf) needs the optional extra: pip install 'zorgadvies[pdf]'. Without -o on a terminal, HTML and "
        "PDF go to rapport-<organisation>.html/.pdf in the current folder (never over an existing file).",
    ),
    "cli.report.format": (
        "Rapportformaat. Standaard: volgens de extensie van --output (.md: markdown, .pdf: pdf), anders html.",
        "Report format. Default: from the suffix of --output (.md: markdown, .pdf: pdf), else html.",
    ),
    "cli.report.audit": (
        "Voeg het auditspoor toe: bewijs, regel- en vraag-id's, kennisversie en digest.",
        "Add the audit trail: evidence, rule and question ids, knowledge version and digest.",
    ),
    "cli.report.template": (
        "Map met templates die de ingebouwde templates met dezelfde naam vervangen.",
        "Folder with templates that replace the built-in ones of the same name.",
    ),
    "cli.report.logo": ("Logo (PNG, JPEG of SVG) op de voorkant van het HTML-rapport.", "Logo (PNG, JPEG or SVG) on the cover of the HTML report."),
    "cli.report.accent": ("Accentkleur van het HTML-rapport, als #rrggbb.", "Accent colour of the HTML report, as #rrggbb."),
    "cli.report.intro": (
        "Tekstbestand met de inleiding van de managementsamenvatting.",
        "Text file with the introduction of the management summary.",
    ),
    "cli.report.previous": (
        "Teken de vorige beoordeling uit de historie op de radar.",
        "Draw the previous assessment from the history on the radar.",
    ),
    "cli.report.db": (
        "Historiedatabase voor --previous (standaard: zie docs/tracking.md).",
        "History database for --previous (default: see docs/tracking.md).",
    ),
    "cli.rules": (
        "Toon, controleer, test en meet de dekking van regelpakketten.\n\n"
        "Elk commando leest het ingebouwde pakket plus de extra pakketten van --rules (of DIR).",
        "List, show, validate, test and measure the coverage of rule packs.\n\n"
        "Every command reads the built-in pack plus the extra packs given with --rules (or as DIR).",
    ),
    "cli.rules.list": (
        "Toon elke regel: id, status, conclusie en titel, gesorteerd op id.",
        "List every rule: id, status, conclusion and title, sorted by id.",
    ),
    "cli.rules.criteria": (
        "Druk docs/stage-criteria.md af: elke stadiumdrempel van het ingebouwde pakket met de bronzin.",
        "Print docs/stage-criteria.md: every stage gate of the built-in pack with its source sentence.",
    ),
    "cli.rules.criteria.output": (
        "Schrijf naar dit bestand (standaard: standaarduitvoer).",
        "Write to this file (default: standard output).",
    ),
    "cli.rules.show": (
        "Toon regel ID in woorden: kop, bronnen, voorwaarden, conclusie en cases.\n\n"
        "ID is het hele id (advies/visie/geen-visie) of, als maar één regel het heeft, het laatste deel.",
        "Show rule ID in words: header, sources, conditions, conclusion and cases.\n\n"
        "ID is the whole id (advies/visie/geen-visie) or, when only one rule has it, its last part.",
    ),
    "cli.rules.validate": (
        "Controleer het ingebouwde pakket plus DIR en meld elke fout, één regel per fout.\n\n"
        "Exitcode 0 als de pakketten in orde zijn, 2 bij een fout.",
        "Check the built-in pack plus DIR and report every error, one line each.\n\n"
        "Exit code 0 when the packs are clean, 2 when there is any error.",
    ),
    "cli.rules.validate.only": (
        "Controleer alleen DIR en de --rules-pakketten, niet het ingebouwde pakket.",
        "Validate only DIR and the --rules packs, not the built-in pack.",
    ),
    "cli.rules.validate.knowledge": ("Een andere kennisbank dan de ingebouwde.", "A knowledge base other than the built-in one."),
    "cli.rules.test": (
        "Voer de cases van elke regel uit met de engine en met de referentiesemantiek.\n\n"
        "Drukt een regel af per mislukte case en een samenvatting; exitcode 2 als een case mislukt.",
        "Run every rule's cases through the engine and the reference semantics.\n\n"
        "Prints one line per failing case and a summary; exit code 2 when any case fails.",
    ),
    "cli.rules.test.only": (
        "Voer alleen de cases uit van de regels in DIR en de --rules-pakketten.",
        "Run only the cases of the rules in DIR and the --rules packs.",
    ),
    "cli.rules.test.verbose": (
        "Druk een regel af voor elke case, ook voor de geslaagde.",
        "Print a line for every case, also the ones that pass.",
    ),
    "cli.rules.coverage": (
        "Regels, aanbevelingen en reflectievragen die geen case of voorbeeld bereikt; ongebruikte vragen.",
        "Rules, recommendations and reflection questions no case or example reaches; unused questions.",
    ),
    "cli.rules.coverage.examples": (
        "Feitenbestand of map daarmee die als voorbeeld telt (herhaalbaar; standaard: examples/ van de checkout).",
        "Facts file or folder of them to count as examples (repeatable; default: examples/ of the checkout).",
    ),
    "cli.new_rule": (
        "Maak het geraamte van regel ID: ID.yaml, ID.cases.yaml en de documentatie ID.md.\n\n"
        "Het geraamte test een echte vraag als plaatshouder (gemarkeerd met TODO) en doorstaat `rules "
        "validate` en `rules test` zoals het is; bestaande bestanden worden nooit overschreven.",
        "Scaffold rule ID: ID.yaml, ID.cases.yaml and the doc stub ID.md.\n\n"
        "The scaffold tests a real question as a placeholder (marked TODO) and passes `rules validate` "
        "and `rules test` as written; existing files are never overwritten.",
    ),
    "cli.new_rule.conclusion": (
        "recommend:REC, reflect:REF of criterion:PILLAR/STAGE.",
        "recommend:REC, reflect:REF or criterion:PILLAR/STAGE.",
    ),
    "cli.new_rule.dir": (
        "Het regelpakket waaraan de regel wordt toegevoegd (standaard: rules/ van deze checkout).",
        "The rule pack to add the rule to (default: rules/ of this checkout).",
    ),
    "cli.new_rule.title": ("De Nederlandse titel van de regel (standaard: een TODO).", "The rule's Dutch title (default: a TODO)."),
    "cli.serve": (
        "Start de webapp: beoordelingsrondes in de browser en de JSON-API (/api/v1).",
        "Start the web app: assessment rounds in the browser and the JSON API (/api/v1).",
    ),
    "cli.serve.database": (
        "SQLite-bestand of postgresql://-URL (standaard: de historiedatabase in de gegevensmap van de "
        "gebruiker; omgevingsvariabele ZORGADVIES_DB).",
        "SQLite file or postgresql:// URL (default: the history database in the user's data folder; env ZORGADVIES_DB).",
    ),
    "cli.serve.host": (
        "Adres om op te luisteren (houd localhost achter een reverse proxy).",
        "Address to listen on (keep localhost behind a reverse proxy).",
    ),
    "cli.serve.workers": ("Werkprocessen (alle toestand staat in de database).", "Worker processes (all state is in the database)."),
    "cli.serve.behind_tls_proxy": (
        "Achter een reverse proxy die TLS afhandelt: Secure-cookies, X-Forwarded-* van localhost vertrouwen.",
        "Behind a reverse proxy that terminates TLS: Secure cookies, trust X-Forwarded-* from localhost.",
    ),
    "cli.diff": (
        "Vergelijk twee beoordelingen van een organisatie.\n\n"
        "OLD en NEW zijn elk een feitenbestand (nu beoordeeld) of een JSON-rapport dat eerder met "
        "`zorgadvies assess --format json` is bewaard. Toont de verandering van stadium per pijler en "
        "welke aanbevelingen zijn opgelost en welke nieuw zijn.",
        "Compare two assessments of an organisation.\n\n"
        "OLD and NEW are each a facts file (assessed now) or a JSON report saved earlier with "
        "`zorgadvies assess --format json`. Shows the stage change per pillar and which "
        "recommendations were resolved and which are new.",
    ),
    "cli.history": (
        "Toon de bewaarde beoordelingen van ORGANISATION met het verloop van het stadium per pijler.\n\n"
        "Zonder ORGANISATION: de organisaties met bewaarde beoordelingen.",
        "List the saved assessments of ORGANISATION with the stage trend per pillar.\n\n"
        "Without ORGANISATION, list the organisations that have saved assessments.",
    ),
    "cli.history.db": (
        "Historiedatabase (standaard: zie docs/tracking.md; omgevingsvariabele ZORGADVIES_DB).",
        "History database (default: see docs/tracking.md; env ZORGADVIES_DB).",
    ),
    "cli.batch": (
        "Beoordeel elke organisatie in SOURCE: een map met feitenbestanden of een CSV-bestand. In een map is "
        "een submap met ingevulde vragenlijsten (*.xlsx) één organisatie; elke werkmap is een respondent.\n\n"
        "Een fout bestand of een foute rij wordt op stderr gemeld en de batch gaat door. Exitcode 0 als "
        "elke organisatie beoordeeld is, 2 als er een mislukte (de andere worden toch geschreven).",
        "Assess every organisation in SOURCE: a folder of facts files or a CSV file. In a folder, a "
        "sub-folder of filled-in questionnaires (*.xlsx) is one organisation; each workbook is a respondent.\n\n"
        "A bad file or row is reported on stderr and the batch goes on. Exit code 0 when every "
        "organisation was assessed, 2 when any failed (the others are still written).",
    ),
    "cli.batch.out": (
        "Schrijf de resultaten hierheen: BESTAND.csv, BESTAND.json of BESTAND.xlsx.",
        "Write the results here: FILE.csv, FILE.json or FILE.xlsx.",
    ),
    "cli.batch.jobs": ("Werkprocessen (standaard: één per processorkern).", "Worker processes (default: every core)."),
    "cli.batch.peer": (
        "Toon waar deze organisatie (op naam) staat binnen de groep.",
        "Show where this organisation (by name) stands in the group.",
    ),
    "cli.batch.min_group": (
        "Kleinste groep waarvoor de vergelijking met branchegenoten getoond wordt.",
        "Smallest group for which the peer comparison is shown.",
    ),
    "cli.vragen": (
        "Gespreksleidraad voor FILE: elke vraag waarvan het antwoord het oordeel zou veranderen, per gesprekspartner.\n\n"
        "Elke vraag wordt met de engine gemeten (elk mogelijk antwoord wordt geprobeerd); de meest "
        "effectieve komen binnen elke groep eerst (docs/ask-next.md).",
        "Conversation guide for FILE: every question whose answer would change the verdict, by whom to ask.\n\n"
        "Each question is measured with the engine (every possible answer is tried); the most effective "
        "come first within each group (docs/ask-next.md).",
    ),
    "cli.vragenlijst": (
        "Schrijf de vragenlijst als werkmap die één respondent invult (Excel, LibreOffice).\n\n"
        "Eén rij per vraag in de volgorde van het interview, het antwoord als keuzelijst met de "
        "Nederlandse antwoordteksten en een kolom voor een toelichting. Geef elke respondent een kopie; "
        "lees de ingevulde werkmappen terug met `zorgadvies assess MAP` / `report MAP` (één werkmap per "
        "respondent, eventueel met het feitenbestand van de organisatie) of één werkmap (docs/respondents.md).",
        "Write the questionnaire as a workbook for one respondent to fill in (Excel, LibreOffice).\n\n"
        "One row per question in interview order, the answer as a drop-down of the Dutch answer texts "
        "and a column for a note. Give each respondent a copy; read the filled-in workbooks back with "
        "`zorgadvies assess FOLDER` / `report FOLDER` (one workbook per respondent, plus optionally the "
        "organisation's facts file) or a single workbook (docs/respondents.md).",
    ),
    "cli.vragenlijst.format": ("Formaat van de vragenlijst.", "Format of the questionnaire."),
    "cli.vragenlijst.organisation": (
        "Naam van de organisatie, ingevuld op het blad 'Gegevens'.",
        "Name of the organisation, filled in on the sheet 'Gegevens'.",
    ),
    "cli.vragenlijst.output": ("De werkmap die geschreven wordt (.xlsx).", "The workbook to write (.xlsx)."),
    # --- click's own strings: the English is click's msgid (zorgadvies/cli/lang.py) ----------------
    "click.usage": ("Gebruik:", "Usage:"),
    "click.options": ("Opties", "Options"),
    "click.commands": ("Commando's", "Commands"),
    "click.positional": ("Argumenten", "Positional arguments"),
    "click.help": ("Toon deze hulp en stop.", "Show this message and exit."),
    "click.version_help": ("Toon de versie en stop.", "Show the version and exit."),
    "click.version": ("%(prog)s, versie %(version)s", "%(prog)s, version %(version)s"),
    "click.default": ("standaard: {default}", "default: {default}"),
    "click.required": ("verplicht", "required"),
    "click.error": ("Fout: {message}", "Error: {message}"),
    "click.try": ("Probeer '{command} {option}' voor hulp.", "Try '{command} {option}' for help."),
    "click.aborted": ("Afgebroken!", "Aborted!"),
    "click.invalid_value": ("Ongeldige waarde: {message}", "Invalid value: {message}"),
    "click.invalid_value_for": ("Ongeldige waarde voor {param_hint}: {message}", "Invalid value for {param_hint}: {message}"),
    "click.missing_argument": ("Argument ontbreekt", "Missing argument"),
    "click.missing_option": ("Optie ontbreekt", "Missing option"),
    "click.missing_parameter": ("Parameter ontbreekt", "Missing parameter"),
    "click.missing_param_type": ("{param_type} ontbreekt", "Missing {param_type}"),
    "click.missing_parameter_named": ("Parameter ontbreekt: {param_name}", "Missing parameter: {param_name}"),
    "click.missing_command": ("Commando ontbreekt.", "Missing command."),
    "click.no_such_option": ("Onbekende optie {name!r}.", "No such option {name!r}."),
    "click.no_such_command": ("Onbekend commando {name!r}.", "No such command {name!r}."),
    "click.did_you_mean": ("Bedoelde u {possibility}?", "Did you mean {possibility}?"),
    "click.did_you_mean_one_of": ("(Bedoelde u een van: {possibilities}?)", "(Did you mean one of: {possibilities}?)"),
    "click.extra_argument": ("Onverwacht extra argument ({args})", "Got unexpected extra argument ({args})"),
    "click.extra_arguments": ("Onverwachte extra argumenten ({args})", "Got unexpected extra arguments ({args})"),
    "click.requires_argument": ("Optie {name!r} vraagt een waarde.", "Option {name!r} requires an argument."),
    "click.requires_arguments": ("Optie {name!r} vraagt {nargs} waarden.", "Option {name!r} requires {nargs} arguments."),
    "click.takes_no_value": ("Optie {name!r} neemt geen waarde.", "Option {name!r} does not take a value."),
    "click.not_choice": ("{value!r} is niet {choice}.", "{value!r} is not {choice}."),
    "click.not_one_of": ("{value!r} is niet een van {choices}.", "{value!r} is not one of {choices}."),
    "click.not_number": ("{value!r} is geen geldig {number_type}.", "{value!r} is not a valid {number_type}."),
    "click.not_in_range": ("{value} ligt niet in het bereik {range}.", "{value} is not in the range {range}."),
    "click.not_boolean": (
        "{value!r} is geen geldige booleaanse waarde. Geldig: {states}",
        "{value!r} is not a valid boolean. Recognized values: {states}",
    ),
    "click.file": ("bestand", "file"),
    "click.directory": ("map", "directory"),
    "click.path": ("pad", "path"),
    "click.does_not_exist": ("{name} {filename!r} bestaat niet.", "{name} {filename!r} does not exist."),
    "click.is_a_file": ("{name} {filename!r} is een bestand.", "{name} {filename!r} is a file."),
    "click.is_a_directory": ("{name} {filename!r} is een map.", "{name} {filename!r} is a directory."),
    "click.not_readable": ("{name} {filename!r} is niet leesbaar.", "{name} {filename!r} is not readable."),
    "click.not_writable": ("{name} {filename!r} is niet schrijfbaar.", "{name} {filename!r} is not writable."),
    "click.could_not_open": ("Kan bestand {filename!r} niet openen: {message}", "Could not open file {filename!r}: {message}"),
    # --- asknext -----------------------------------------------------------------------------------
    "asknext.audience_listed_twice": (
        "gesprekspartner '{audience}' staat er twee keer in",
        "audience '{audience}' is listed twice",
    ),
    "asknext.no_entry_for_audience": (
        "geen vermelding voor gesprekspartner '{missing}'",
        "no entry for audience '{missing}'",
    ),
    "asknext.question_already_asked": (
        "vraag '{qid}' wordt al gesteld aan '{of_question}'",
        "question '{qid}' is already asked of '{of_question}'",
    ),
    "common.unknown_question_id": ("onbekend vraag-id '{qid}'", "unknown question id '{qid}'"),
    # --- audit -------------------------------------------------------------------------------------
    "audit.audit_key_holds_bytes": (
        "een auditsleutel bevat {MIN_KEY_BYTES} tot {MAX_KEY_BYTES} bytes (maak er een met: openssl rand -hex 32 > FILE)",
        "an audit key holds {MIN_KEY_BYTES} to {MAX_KEY_BYTES} bytes (make one with: openssl rand -hex 32 > FILE)",
    ),
    "audit.audit_log_incomplete_has": (
        "het auditlog is onvolledig: er is geen resultaatregel",
        "the audit log is incomplete: it has no result line",
    ),
    "audit.audit_log_line_object": (
        "een regel van een auditlog is een object met 'type' header, firing, result of signature",
        "an audit-log line is an object whose 'type' is header, firing, result or signature",
    ),
    "audit.audit_log_signature_does": (
        "de handtekening van het auditlog klopt niet: het is gewijzigd of met een andere sleutel ondertekend",
        "the audit log's signature does not match: it was altered or signed with another key",
    ),
    "audit.audit_log_signed_so": (
        "het auditlog is niet ondertekend, dus de sleutel kan het niet bevestigen",
        "the audit log is not signed, so the key cannot confirm it",
    ),
    "audit.audit_log_was_altered": (
        "het auditlog is gewijzigd: de ingebedde feiten passen niet bij input.sha256",
        "the audit log was altered: the embedded facts do not match input.sha256",
    ),
    "audit.audit_log_was_altered_2": (
        "het auditlog is gewijzigd: de resultaatregel telt {value} keer vuren, het log bevat er {log}",
        "the audit log was altered: the result line counts {value} firings, the log holds {log}",
    ),
    "audit.audit_log_was_altered_3": (
        "het auditlog is gewijzigd: de regels passen niet bij result.lines_sha256",
        "the audit log was altered: its lines do not match result.lines_sha256",
    ),
    "audit.cannot_read_as_audit": (
        "kan niet als auditlog gelezen worden (geen UTF-8)",
        "cannot be read as an audit log (not UTF-8)",
    ),
    "audit.json_line": ("geen JSON-regel: {msg}", "not a JSON line: {msg}"),
    "audit.line_middle_audit_log": (
        "een {entry}-regel midden in een auditlog",
        "a {entry} line in the middle of an audit log",
    ),
    "audit.logged_facts_no_longer": (
        "de gelogde feiten laden niet meer: {message}",
        "the logged facts no longer load: {message}",
    ),
    "audit.malformed_audit_log_line": (
        "onjuist auditlog: de {entry}-regel mist '{field}'",
        "malformed audit log: the {entry} line lacks '{field}'",
    ),
    "audit.malformed_audit_log_line_2": (
        "onjuist auditlog: '{field}' van de {entry}-regel heeft de verkeerde vorm",
        "malformed audit log: the {entry} line's '{field}' has the wrong form",
    ),
    "audit.what_key": ("auditsleutel", "audit key"),
    "audit.what_log": ("auditlog", "audit log"),
    "audit.zorgadvies_audit_log_first": (
        "geen auditlog van zorgadvies (de eerste regel moet een '{LOG_FORMAT}'-kop zijn)",
        "not a zorgadvies audit log (the first line must be a '{LOG_FORMAT}' header)",
    ),
    # --- batch -------------------------------------------------------------------------------------
    "batch.column_appears_twice": ("kolom '{title}' komt twee keer voor", "column '{title}' appears twice"),
    "batch.column_neither_name_sector": (
        "kolom {column} '{title}' is geen name, sector, employees of vraag-id",
        "column {column} '{title}' is neither name, sector, employees nor a question id",
    ),
    "batch.internal_error": ("{source}: interne fout: {error}", "{source}: internal error: {error}"),
    "batch.worker_stopped": (
        "{source}: interne fout: een werkproces stopte onverwacht",
        "{source}: internal error: a worker process stopped unexpectedly",
    ),
    "batch.nothing_to_assess": ("{source}: niets te beoordelen", "{source}: nothing to assess"),
    "batch.malformed_csv_row": ("{source}: onjuiste CSV-rij: {problem}", "{source}: malformed CSV row: {problem}"),
    "batch.cell_without_column": (
        "{source}: de cel in kolom {column} heeft geen kolomnaam in de kopregel",
        "{source}: cell in column {column} has no column name in the header",
    ),
    "batch.name_cell_empty": (
        "{source}: de cel 'name' is leeg: elke organisatie heeft een naam nodig",
        "{source}: the name cell is empty: every organisation needs a name",
    ),
    "batch.file_empty": ("het bestand is leeg", "the file is empty"),
    "batch.file_has_header_but": (
        "het bestand heeft een kopregel maar geen organisaties",
        "the file has a header but no organisations",
    ),
    "batch.folder_holds_no_facts": (
        "de map bevat geen feitenbestanden (*.yaml, *.yml, *.json) en geen submappen met werkboeken (*.xlsx)",
        "the folder holds no facts files (*.yaml, *.yml, *.json) and no sub-folders with workbooks (*.xlsx)",
    ),
    "batch.give_folder_facts_files": (
        "geef een map met feitenbestanden of een .csv-bestand",
        "give a folder of facts files or a .csv file",
    ),
    "batch.header_needs_name_column": ("de kopregel heeft een kolom 'name' nodig", "the header needs a 'name' column"),
    "batch.malformed_csv_header": ("onjuiste CSV-kopregel: {exc}", "malformed CSV header: {exc}"),
    "batch.no_such_file_folder": ("bestand of map bestaat niet", "no such file or folder"),
    "batch.utf_8_text_excel": (
        "is geen UTF-8-tekst (sla het in Excel op als 'CSV UTF-8')",
        "is not UTF-8 text (in Excel, save it as 'CSV UTF-8')",
    ),
    "batch.what_csv": ("batch-CSV-bestand", "batch CSV file"),
    # --- cache -------------------------------------------------------------------------------------
    "cache.private_file": ("{name}: geen privébestand", "{name}: not a private file"),
    # --- cli_main ----------------------------------------------------------------------------------
    "cli_main.audit_key_signs_audit": (
        "--audit-key ondertekent het auditlog: geef ook --audit-log",
        "--audit-key signs the audit log: give --audit-log too",
    ),
    "cli_main.save_cannot_combined_with": (
        "--save gaat niet samen met --set: een wat-als is geen echte beoordeling",
        "--save cannot be combined with --set: a what-if is not a real assessment",
    ),
    # --- cli_rules ---------------------------------------------------------------------------------
    "cli_rules.only_needs_dir_rules": (
        "--only vraagt DIR (of --rules DIR): anders is er niets te controleren",
        "--only needs DIR (or --rules DIR): there would be nothing to validate",
    ),
    "cli_rules.only_needs_dir_rules_2": (
        "--only vraagt DIR (of --rules DIR): anders is er niets te testen",
        "--only needs DIR (or --rules DIR): there would be nothing to test",
    ),
    "cli_rules.this_zorgadvies_installed_checkout": (
        "deze zorgadvies is geïnstalleerd, geen checkout: geef de map van het pakket met --dir",
        "this zorgadvies is installed, not a checkout: give the pack folder with --dir",
    ),
    "cli_rules.created": ("{path} gemaakt", "created {path}"),
    "cli_rules.next_steps": (
        "Volgende stappen:\n"
        "  1. {rule}: schrijf de title, title_en, beschrijvingen, bronnen en de echte `when:`\n"
        "     (de voorwaarde met 'TODO placeholder' staat er alleen voorlopig).\n"
        "  2. {cases}: vervang de voorlopige cases; houd er minstens één die vuurt en één die niet vuurt.\n"
        "  3. {doc}: leg de regel uit voor lezers.\n"
        "  4. zorgadvies rules show {rule_id}{rules}\n"
        "     zorgadvies rules validate{pack}\n"
        "     zorgadvies rules test{pack}",
        "Next:\n"
        "  1. {rule}: write the title, title_en, descriptions, sources and the real `when:`\n"
        "     (the condition marked 'TODO placeholder' only stands in for it).\n"
        "  2. {cases}: replace the placeholder cases; keep at least one that fires and one that fails.\n"
        "  3. {doc}: explain the rule for readers.\n"
        "  4. zorgadvies rules show {rule_id}{rules}\n"
        "     zorgadvies rules validate{pack}\n"
        "     zorgadvies rules test{pack}",
    ),
    # --- cli_serve ---------------------------------------------------------------------------------
    "cli_serve.web_server_needs_web": (
        "de webserver heeft de extra 'web' nodig: pip install 'zorgadvies[web]' ({name} ontbreekt)",
        "the web server needs the 'web' extra: pip install 'zorgadvies[web]' ({name} is missing)",
    ),
    "cli_serve.listening": (
        "zorgadvies serve: {base}/  (database: {database}, {workers} werkproces(sen))",
        "zorgadvies serve: {base}/  (database: {database}, {workers} worker(s))",
    ),
    "cli_serve.first_admin": (
        "Maak het eerste beheerdersaccount aan (eenmalige link, 7 dagen geldig): {base}/setup/{token}",
        "Set up the first admin account (one-time link, valid 7 days): {base}/setup/{token}",
    ),
    "cli_tracking.warning": ("zorgadvies: waarschuwing: {message}", "zorgadvies: warning: {message}"),
    # --- cli_tracking ------------------------------------------------------------------------------
    "cli_tracking.output_file_must_end": (
        "het uitvoerbestand moet eindigen op .csv, .json of .xlsx",
        "the output file must end in .csv, .json or .xlsx",
    ),
    # --- cli_vragenlijst ---------------------------------------------------------------------------
    "cli_vragenlijst.workbook_name_must_end": (
        "de naam van de werkmap moet eindigen op .xlsx",
        "the workbook's name must end in .xlsx",
    ),
    # --- engine ------------------------------------------------------------------------------------
    "engine.durable_rules_failed": ("durable-rules mislukte in {name}: {exc}", "durable-rules failed in {name}: {exc}"),
    "engine.durable_rules_refused_compiled": (
        "durable-rules weigerde het gecompileerde regelpakket: {exc}",
        "durable-rules refused the compiled rule pack: {exc}",
    ),
    "engine.durable_rules_reported_error": (
        "durable-rules meldde een fout in {where}: {state}",
        "durable-rules reported an error in {where}: {state}",
    ),
    "engine.engine_action_ran_outside": (
        "een engine-actie liep buiten een beoordeling",
        "an engine action ran outside an assessment",
    ),
    "engine.rule_action_failed": (
        "een regelactie mislukte in {where}: {value!r}",
        "a rule action failed in {where}: {value!r}",
    ),
    "engine.rule_has_too_many": (
        "regel {id} heeft te veel alternatieven voor de engine ({branches} > {MAX_BRANCHES_PER_SHARD}): splits hem",
        "rule {id} has too many alternatives for the engine ({branches} > {MAX_BRANCHES_PER_SHARD}): split it",
    ),
    # --- explain -----------------------------------------------------------------------------------
    "explain.no_pillar_recommendation_reflection": (
        "'{item_id}' is geen id van een pijler, aanbeveling, reflectievraag of regel",
        "'{item_id}' is no pillar, recommendation, reflection question or rule id",
    ),
    # --- facts -------------------------------------------------------------------------------------
    "facts.answer_must_at_least": (
        "het antwoord moet minstens {minimum} zijn, niet {value}",
        "answer must be at least {minimum}, not {value}",
    ),
    "facts.answer_must_at_most": (
        "het antwoord mag hoogstens {maximum} zijn, niet {value}",
        "answer must be at most {maximum}, not {value}",
    ),
    "facts.answer_must_ja_nee": (
        "het antwoord moet ja, nee, onbekend of nvt zijn, niet {value!r}",
        "answer must be ja, nee, onbekend or nvt, not {value!r}",
    ),
    "facts.answer_must_one_onbekend": (
        "het antwoord moet een van {allowed}, onbekend of nvt zijn, niet {value!r}",
        "answer must be one of {allowed}, onbekend or nvt, not {value!r}",
    ),
    "facts.answer_must_whole_number": (
        "het antwoord moet een geheel getal zijn (of onbekend/nvt), niet {value!r}",
        "answer must be a whole number (or onbekend/nvt), not {value!r}",
    ),
    "facts.at_least_answer_needs": (
        "een minstens-antwoord {{{AT_LEAST_KEY}: ...}} vraagt een geordende keuzevraag; '{id}' is dat niet",
        "an at-least answer {{{AT_LEAST_KEY}: ...}} needs an ordered choice question; '{id}' is not one",
    ),
    "facts.at_least_one_key": (
        "een minstens-antwoord heeft precies één sleutel, '{key}'",
        "an at-least answer has exactly one key, '{key}'",
    ),
    "facts.at_least_one_key_not": (
        "een minstens-antwoord heeft precies één sleutel, '{key}', niet {extra}",
        "an at-least answer has exactly one key, '{key}', not {extra}",
    ),
    "facts.date_write_as_yyyy": (
        "'{date}' is geen datum; schrijf hem als JJJJ-MM-DD",
        "'{date}' is not a date; write it as YYYY-MM-DD",
    ),
    "facts.disc_colour_given_twice": ("een DISC-kleur staat er twee keer in", "a DISC colour is given twice"),
    "facts.disc_colour_given_twice_2": (
        "DISC-kleur '{name}' staat er twee keer in",
        "DISC colour '{name}' is given twice",
    ),
    "facts.disc_profile_colour_list": (
        "een DISC-profiel is een kleur, een lijst kleuren, letters als 'SI', of de vier scores",
        "a DISC profile is a colour, a list of colours, letters like 'SI', or the four scores",
    ),
    "facts.disc_profile_empty": ("het DISC-profiel is leeg", "the DISC profile is empty"),
    "facts.disc_report_gives_all": (
        "een DISC-rapport geeft alle vier de scores; ontbreekt: {missing}",
        "a DISC report gives all four scores; missing: {missing}",
    ),
    "facts.disc_score_must_number": (
        "een DISC-score moet een getal van 0 tot 100 zijn, niet {score!r}",
        "a DISC score must be a number from 0 to 100, not {score!r}",
    ),
    "facts.facts_are_nested_more": (
        "de feiten zijn meer dan {MAX_DEPTH} niveaus diep genest (of verwijzen naar zichzelf)",
        "the facts are nested more than {MAX_DEPTH} levels deep (or refer to themselves)",
    ),
    "facts.facts_file_mapping": ("het feitenbestand is geen mapping", "the facts file is not a mapping"),
    "facts.facts_must_file_path": (
        "feiten moeten een bestandspad of een mapping zijn, geen {type_name}",
        "facts must be a file path or a mapping, not {type_name}",
    ),
    "facts.folder_holds_facts_files": (
        "de map bevat {n_bases} feitenbestanden; houd er één naast de werkmappen",
        "the folder holds {n_bases} facts files; keep one beside the workbooks",
    ),
    "facts.folder_holds_no_questionnaire": (
        "de map bevat geen werkmappen met de vragenlijst (*.xlsx)",
        "the folder holds no questionnaire workbooks (*.xlsx)",
    ),
    "facts.must_between_0_4096": (
        "moet tussen 0 en 4096 megabyte liggen, niet {text!r}",
        "must be between 0 and 4096 megabytes, not {text!r}",
    ),
    "facts.must_number_megabytes": (
        "moet een aantal megabytes zijn, niet {text!r}",
        "must be a number of megabytes, not {text!r}",
    ),
    "facts.must_one": ("moet een van {allowed} zijn, niet {bound!r}", "must be one of {allowed}, not {bound!r}"),
    "facts.must_true_false": (
        "moet true of false zijn, niet {people_complete!r}",
        "must be true or false, not {people_complete!r}",
    ),
    "facts.raise_with": (" (verhoog hem met --max-input-mb of ${env})", " (raise it with --max-input-mb or ${env})"),
    "facts.respondent_listed_twice": (
        "respondent '{name}' staat er twee keer in",
        "respondent '{name}' is listed twice",
    ),
    "facts.says_people_list_complete": (
        "zegt dat de lijst met mensen compleet is, maar er is geen lijst 'people:'",
        "says the people list is complete, but there is no 'people:' list",
    ),
    "facts.size_threshold_must_whole": (
        "de groottegrens moet een geheel getal van minstens 1 zijn, niet {size_threshold!r}",
        "size threshold must be a whole number of at least 1, not {size_threshold!r}",
    ),
    "facts.unknown_disc_colour_use": (
        "onbekende DISC-kleur {item!r}: gebruik rood, geel, groen of blauw (of de letters D, I, S, C)",
        "unknown DISC colour {item!r}: use rood, geel, groen or blauw (or the letters D, I, S, C)",
    ),
    "common.unknown_pillar": ("onbekende pijler '{pillar}'", "unknown pillar '{pillar}'"),
    "facts.what_facts_file": ("feitenbestand", "facts file"),
    # --- graph -------------------------------------------------------------------------------------
    "graph.dependency_graph_has_cycle": (
        "de afhankelijkheidsgraaf heeft een kringloop: {path}",
        "the dependency graph has a cycle: {path}",
    ),
    # --- history -----------------------------------------------------------------------------------
    "history.zorgadvies_report_lacks_organisation": (
        "geen rapport van zorgadvies: organisation.name of knowledge ontbreekt",
        "not a zorgadvies report: it lacks organisation.name or knowledge",
    ),
    "history.damaged_report": (
        "{db}: bewaarde beoordeling {id} ({saved_at}) bevat een beschadigd rapport; overgeslagen",
        "{db}: saved assessment {id} ({saved_at}) holds a damaged report; skipped",
    ),
    # --- knowledge ---------------------------------------------------------------------------------
    "knowledge.cannot_come_before_itself": (
        "'{ends}' kan niet vóór zichzelf komen",
        "'{ends}' cannot come before itself",
    ),
    "knowledge.cells_are_numbered_1": ("cellen zijn genummerd van 1 tot 4", "cells are numbered 1 to 4"),
    "knowledge.choice_question_needs_at": (
        "een keuzevraag vraagt minstens twee waarden",
        "a choice question needs at least two values",
    ),
    "knowledge.choice_question_needs_values": (
        "een keuzevraag vraagt 'values:' (een lijst met per waarde id, nl en en)",
        "a choice question needs 'values:' (a list with id, nl and en per value)",
    ),
    "knowledge.document_id_must_lowercase": (
        "document-id '{doc_id}' moet uit kleine letters en woorden met '-' bestaan",
        "document id '{doc_id}' must be lowercase words joined by '-'",
    ),
    "knowledge.duplicate_edge": ("dubbele pijl {ends} -> {ends2}", "duplicate edge {ends} -> {ends2}"),
    "knowledge.duplicate_question_id_first": (
        "vraag-id '{qid}' komt twee keer voor (eerst in {file}:{line})",
        "duplicate question id '{qid}' (first at {file}:{line})",
    ),
    "knowledge.duplicate_recommendation_id_first": (
        "aanbevelings-id '{rid}' komt twee keer voor (eerst in {file})",
        "duplicate recommendation id '{rid}' (first in {file})",
    ),
    "knowledge.duplicate_reflection_question": (
        "reflectievraag '{rid}' komt twee keer voor",
        "duplicate reflection question '{rid}'",
    ),
    "knowledge.duplicate_section": ("sectie '{ref}' komt twee keer voor", "duplicate section '{ref}'"),
    "knowledge.missing_descriptor_stage_add": (
        "de beschrijving van stadium {number} ontbreekt: voeg '{number}:' toe",
        "missing the descriptor of stage {number}: add '{number}:'",
    ),
    "knowledge.model_has_exactly_four": (
        "het model heeft precies vier stadia, niet {n_stages}",
        "the model has exactly four stages, not {n_stages}",
    ),
    "knowledge.must_cite_at_least": (
        "moet minstens één bronsectie noemen (document#sectie)",
        "must cite at least one source section (document#section)",
    ),
    "knowledge.must_true_false": ("moet true of false zijn", "must be true or false"),
    "knowledge.no_question_files_knowledge": (
        "geen vragenbestanden (knowledge/questions/*.yaml)",
        "no question files (knowledge/questions/*.yaml)",
    ),
    "knowledge.only_belongs_choice_question": (
        "'{key}' hoort alleen bij een keuzevraag",
        "'{key}' only belongs to a choice question",
    ),
    "knowledge.only_belongs_integer_question": (
        "'{key}' hoort alleen bij een vraag naar een geheel getal",
        "'{key}' only belongs to an integer question",
    ),
    "knowledge.question_id_must_snake": (
        "vraag-id '{qid}' moet snake_case zijn",
        "question id '{qid}' must be snake_case",
    ),
    "knowledge.questionnaire_order_names_but": (
        "de volgorde van de vragenlijst noemt '{name}', maar er is geen questions/{name}.yaml",
        "the questionnaire order names '{name}', but there is no questions/{name}.yaml",
    ),
    "knowledge.recommendation_id_must_lowercase": (
        "aanbevelings-id '{rid}' moet uit kleine letters en woorden met '-' bestaan",
        "recommendation id '{rid}' must be lowercase words joined by '-'",
    ),
    "knowledge.section_id_must_lowercase": (
        "sectie-id '{sid}' moet uit kleine letters en woorden met '-' bestaan",
        "section id '{sid}' must be lowercase words joined by '-'",
    ),
    "knowledge.six_pillars_must_listed": (
        "de zes pijlers moeten in deze volgorde staan: {PILLAR_IDS}",
        "the six pillars must be listed in this order: {PILLAR_IDS}",
    ),
    "knowledge.stages_must_listed_1": (
        "de stadia moeten van 1 tot 4 op volgorde staan; verwacht {value}",
        "stages must be listed 1 to 4 in order; expected {value}",
    ),
    "common.unknown_recommendation": ("onbekende aanbeveling '{rec}'", "unknown recommendation '{rec}'"),
    "knowledge.unknown_source_section": ("onbekende bronsectie '{ref}'", "unknown source section '{ref}'"),
    "knowledge.value_id_must_new": (
        "waarde-id '{vid}' moet een nieuw snake_case-id zijn, anders dan onbekend/nvt",
        "value id '{vid}' must be a new snake_case id other than onbekend/nvt",
    ),
    # --- quickscan ---------------------------------------------------------------------------------
    "quickscan.question_listed_twice": ("vraag '{qid}' staat er twee keer in", "question '{qid}' is listed twice"),
    # --- render_options ----------------------------------------------------------------------------
    "render_options.cannot_read_introduction": (
        "kan de inleiding niet lezen ({reason})",
        "cannot read the introduction ({reason})",
    ),
    "render_options.cannot_read_logo": ("kan het logo niet lezen ({strerror})", "cannot read the logo ({strerror})"),
    "render_options.colour_write_as_rrggbb": (
        "{field}: '{text}' is geen kleur; schrijf hem als #rrggbb, bijvoorbeeld #1d4e89",
        "{field}: '{text}' is not a colour; write it as #rrggbb, for instance #1d4e89",
    ),
    "render_options.logo_kb_at_most": (
        "het logo is {value} kB; hoogstens {value2} kB",
        "the logo is {value} kB; at most {value2} kB",
    ),
    "render_options.logo_must_data_uri": (
        "het logo moet een data:-URI zijn, gemaakt door load_logo()",
        "the logo must be a data: URI made by load_logo()",
    ),
    "render_options.logo_png_jpeg_svg": (
        "het logo is geen PNG-, JPEG- of SVG-afbeelding",
        "the logo is not a PNG, JPEG or SVG image",
    ),
    # --- render_templating -------------------------------------------------------------------------
    "render_templating.template_error": ("fout in template: {value}", "template error: {value}"),
    "render_templating.template_folder_does_exist": (
        "de templatemap bestaat niet",
        "the template folder does not exist",
    ),
    # --- rulepack ----------------------------------------------------------------------------------
    "rulepack.answer": (
        "'{item}' is geen antwoord op {subject} ({map})",
        "'{item}' is not an answer of {subject} ({map})",
    ),
    "rulepack.cannot_compare_with_nvt": ("'{op}' kan niet met nvt vergelijken", "'{op}' cannot compare with nvt"),
    "rulepack.cases_belong_another_rule": ("de cases horen bij een andere regel", "the cases belong to another rule"),
    "rulepack.condition_has_exactly_one": (
        "een voorwaarde heeft precies één operator: {OPERATORS}",
        "a condition has exactly one operator: {OPERATORS}",
    ),
    "rulepack.condition_names_one_subject": (
        "een voorwaarde noemt één onderwerp: 'question:', 'fact:' of 'stage:' (of is een groep 'all:'/'any:')",
        "a condition names one subject: 'question:', 'fact:' or 'stage:' (or is an 'all:'/'any:' group)",
    ),
    "rulepack.duplicate_rule_id_also": (
        "regel-id '{id}' komt twee keer voor (ook in {file})",
        "duplicate rule id '{id}' (also in {file})",
    ),
    "rulepack.folder_rules": ("is geen map met regels", "is not a folder of rules"),
    "rulepack.group_has_exactly_one": (
        "een groep heeft precies één sleutel: 'all:' of 'any:'",
        "a group has exactly one key: 'all:' or 'any:'",
    ),
    "rulepack.groups_nest_at_most": ("groepen zijn hoogstens vier diep genest", "groups nest at most four deep"),
    "rulepack.id_must_file_path": (
        "het id moet het pad van het bestand binnen het pakket zijn",
        "the id must be the file's path below the pack",
    ),
    "rulepack.missing_basis_hint": (
        "voeg 'basis: vermeld' toe als de bron het voor deze pijler en dit stadium zegt (of als algemeen kenmerk van het stadium), 'basis: afgeleid' als het onze afleiding is",
        "add 'basis: vermeld' when the source states it for this pillar and stage (or as a general trait of the stage), 'basis: afgeleid' when it is our inference",
    ),
    "rulepack.missing_field": ("verplicht veld '{key}' ontbreekt: {hint}", "missing required field '{key}': {hint}"),
    "rulepack.missing_field_hint": ("voeg '{key}:' toe", "add '{key}:'"),
    "rulepack.missing_quote_hint": (
        "voeg 'quote:' toe met de korte (Nederlandse) bronzin waarop de regel rust, of de precieze plaats",
        "add 'quote:' with the short source sentence (Dutch) the rule rests on, or its precise place",
    ),
    "rulepack.must": ("moet {limit} zijn, niet {item!r}", "must be {limit}, not {item!r}"),
    "rulepack.needs_at_least_one": ("'{key}:' vraagt minstens één voorwaarde", "'{key}:' needs at least one condition"),
    "rulepack.needs_at_least_one_2": ("'{op}' vraagt minstens één waarde", "'{op}' needs at least one value"),
    "rulepack.needs_ordered_choice_number": (
        "'{op}' vraagt een geordende keuze, een getal of een stadium; {subject} is niet geordend (gebruik 'in:')",
        "'{op}' needs an ordered choice, a number or a stage; {subject} is not ordered (use 'in:')",
    ),
    "rulepack.only_rule_that_recommends": (
        "alleen een regel die iets aanbeveelt kan noemen wanneer het advies overbodig is of anders gekozen",
        "only a rule that recommends can name when its advice is moot or was chosen otherwise",
    ),
    "rulepack.pillar_has_no_active": (
        "pijler '{pillar}' heeft geen actieve criteriumregel met 'basis: vermeld' voor stadium {stage}",
        "pillar '{pillar}' has no active 'basis: vermeld' criterion rule for stage {stage}",
    ),
    "rulepack.quote_short_at_most": (
        "een citaat is kort (hoogstens {MAX_QUOTE} tekens): citeer die ene zin, of geef de plaats",
        "a quote is short (at most {MAX_QUOTE} characters): quote the one sentence, or give its place",
    ),
    "rulepack.recommends_variant_but_does": (
        "beveelt de variant '{variant}' '{target}' aan maar vereist '{{fact: organisation.size_class, is: {variant}}}' niet in de bovenste 'all:'",
        "recommends the '{variant}' variant '{target}' but does not require '{{fact: organisation.size_class, is: {variant}}}' in its top-level 'all:'",
    ),
    "rulepack.rule_cites_at_least": (
        "een regel noemt minstens één bronsectie (document#sectie)",
        "a rule cites at least one source section (document#section)",
    ),
    "rulepack.rule_ids_are_lowercase": (
        "regel-id's zijn delen van een pad in kleine letters, verbonden met '/' (a-z, 0-9, '-', '_')",
        "rule ids are lowercase path parts joined by '/' (a-z, 0-9, '-', '_')",
    ),
    "rulepack.rules_cannot_test_for": (
        "regels kunnen niet op 'onbekend' testen: een onbekend antwoord maakt de voorwaarde onbekend",
        "rules cannot test for 'onbekend': an unknown answer makes the condition unknown",
    ),
    "rulepack.then_holds_exactly_one": (
        "'then:' bevat precies één conclusie: 'criterion:', 'recommend:' of 'reflect:'",
        "'then:' holds exactly one conclusion: 'criterion:', 'recommend:' or 'reflect:'",
    ),
    "rulepack.too_many_alternatives_more": (
        "te veel alternatieven (meer dan {MAX_CONJUNCTIONS} na uitschrijven): splits de regel",
        "too many alternatives (more than {MAX_CONJUNCTIONS} once expanded): split the rule",
    ),
    "rulepack.unknown_fact": ("onbekend feit '{subject}'", "unknown fact '{subject}'"),
    "rulepack.unknown_field": ("onbekend veld '{key}'", "unknown field '{key}'"),
    "rulepack.unknown_question": ("onbekende vraag '{subject}'", "unknown question '{subject}'"),
    "common.unknown_reflection_question": ("onbekende reflectievraag '{ref}'", "unknown reflection question '{ref}'"),
    # --- ruletools ---------------------------------------------------------------------------------
    "ruletools.already_exists_new_rule": (
        "bestaat al; new-rule overschrijft nooit ({existing})",
        "already exists; new-rule never overwrites ({existing})",
    ),
    "ruletools.already_exists_new_rule_2": (
        "bestaat al; new-rule overschrijft nooit",
        "already exists; new-rule never overwrites",
    ),
    "ruletools.cases_without_rule_there": (
        "cases zonder regel: er staat geen {name} naast",
        "cases without a rule: there is no {name} beside it",
    ),
    "ruletools.conclusion_write_recommend_rec": (
        "'{spec}' is geen conclusie: schrijf recommend:REC, reflect:REF of criterion:PILLAR/STAGE",
        "'{spec}' is not a conclusion: write recommend:REC, reflect:REF or criterion:PILLAR/STAGE",
    ),
    "ruletools.criterion_stage_needs_stage": (
        "criterion:{pillar}/STAGE vraagt een stadium van 1 tot 4, niet '{stage}'",
        "criterion:{pillar}/STAGE needs a stage from 1 to 4, not '{stage}'",
    ),
    "ruletools.dependency_graph_has_cycle": (
        "de afhankelijkheidsgraaf heeft een kringloop: {path}; verwijder of keer een van de pijlen om (de andere staan in {others})",
        "the dependency graph has a cycle: {path}; remove or turn round one of its edges (the others are at {others})",
    ),
    "ruletools.duplicate_rule_id_also": (
        "regel-id '{declared_id}' komt twee keer voor (ook in {first}:{id_line})",
        "duplicate rule id '{declared_id}' (also in {first}:{id_line})",
    ),
    "ruletools.every_rule_needs_case": (
        "elke regel heeft een case nodig die vuurt en een die niet vuurt: voeg een case toe met {wanted}",
        "every rule needs a case that fires and one that fails: add a case with {wanted}",
    ),
    "ruletools.give_id_without_yaml": (
        "geef het id zonder '.yaml': '{value}'",
        "give the id without '.yaml': '{value}'",
    ),
    "ruletools.lies_inside_built_pack": (
        "{directory} ligt in het ingebouwde pakket, waarvan de id's beginnen bij {RULES_DIR}: gebruik het id '{below}/{rule_id}' en laat --dir weg",
        "{directory} lies inside the built-in pack, whose ids start at {RULES_DIR}: use the id '{below}/{rule_id}' and leave out --dir",
    ),
    "ruletools.never_loaded_rule_case": (
        "wordt nooit geladen: bestanden met regels en cases eindigen op '.yaml'",
        "is never loaded: rule and case files end in '.yaml'",
    ),
    "ruletools.one_alternative_this_rule": (
        "één alternatief van deze regel opent {branches} takken van voorwaarden in de engine (hoogstens {MAX_BRANCHES_PER_SHARD}; een 'in:' met n waarden is n takken, vermenigvuldigd binnen een 'all:'): splits de regel of maak de lijsten korter",
        "one alternative of this rule opens {branches} condition branches in the engine (at most {MAX_BRANCHES_PER_SHARD}; an 'in:' of n values is n branches, multiplied across an 'all:'): split the rule or shorten the lists",
    ),
    "ruletools.pillar_has_no_active": (
        "pijler '{pillar}' heeft geen actieve criteriumregel met 'basis: vermeld' voor {stages}",
        "pillar '{pillar}' has no active 'basis: vermeld' criterion rule for {stages}",
    ),
    "ruletools.rule_already_exists": ("een regel '{rule_id}' bestaat al", "a rule '{rule_id}' already exists"),
    "ruletools.rule_has_no_cases": (
        "de regel heeft geen cases: zet {name} ernaast, met een case {wanted}",
        "the rule has no cases: add {name} beside it, with a case {wanted}",
    ),
    "ruletools.rule_id_folder_name": (
        "'{rule_id}' is geen regel-id: een map en een naam, in kleine letters, verbonden met '/' (a-z, 0-9, '_' in het eerste deel; daarna ook '-'), bijvoorbeeld advies/visie/mijn-regel of mijn_organisatie/mijn-regel",
        "'{rule_id}' is not a rule id: a folder and a name, lowercase, joined by '/' (a-z, 0-9, '_' in the first part; also '-' after it), e.g. advies/visie/mijn-regel or mijn_organisatie/mijn-regel",
    ),
    "ruletools.unknown_pillar_one": (
        "onbekende pijler '{pillar}' (een van {PILLAR_IDS})",
        "unknown pillar '{pillar}' (one of {PILLAR_IDS})",
    ),
    # --- safeio ------------------------------------------------------------------------------------
    "safeio.also_input_refusing_overwrite": (
        "is ook invoer ({source}): wordt niet overschreven",
        "is also an input ({source}): refusing to overwrite it",
    ),
    "safeio.cannot_write": ("kan niet schrijven: het is {kind}", "cannot write: it is {kind}"),
    "safeio.cannot_write_2": ("kan niet schrijven ({strerror})", "cannot write ({strerror})"),
    # --- schema ------------------------------------------------------------------------------------
    "schema.missing_required_field_add": (
        "verplicht veld '{key}' ontbreekt: voeg '{key}:' toe",
        "missing required field '{key}': add '{key}:'",
    ),
    "schema.type.text": ("tekst", "text"),
    "schema.type.int": ("een geheel getal", "a whole number"),
    "schema.type.bool": ("ja/nee (true/false)", "true/false"),
    "schema.type.list": ("een lijst", "a list"),
    "schema.type.dict": ("een tabel (sleutel: waarde)", "a mapping"),
    "schema.nothing": ("niets", "nothing"),
    "schema.big_number": ("een getal van ongeveer {digits} cijfers", "a number of about {digits} digits"),
    "schema.must_at_least": ("moet minstens {low} zijn, niet {value}", "must be at least {low}, not {value}"),
    "schema.must_at_most": ("mag hoogstens {high} zijn, niet {value}", "must be at most {high}, not {value}"),
    "schema.must_list": ("moet een lijst zijn, niet {value}", "must be a list, not {value}"),
    "schema.must_mapping_key_value": (
        "moet een mapping zijn (sleutel: waarde), niet {value}",
        "must be a mapping (key: value), not {value}",
    ),
    "schema.must_non_empty_text": ("moet niet-lege tekst zijn, niet {value}", "must be non-empty text, not {value}"),
    "schema.must_one": ("moet een van {sorted} zijn, niet {value}", "must be one of {sorted}, not {value}"),
    "schema.must_whole_number": ("moet een geheel getal zijn, niet {value}", "must be a whole number, not {value}"),
    # --- store -------------------------------------------------------------------------------------
    "store.cannot_create_folder_for": (
        "kan de map voor de database niet maken ({strerror})",
        "cannot create the folder for the database ({strerror})",
    ),
    "store.database_cannot_used": ("de database kan niet gebruikt worden ({reason})", "database cannot be used ({reason})"),
    "store.database_schema_revision_newer": (
        "schemarevisie {current} van de database is nieuwer dan deze zorgadvies kent (werk zorgadvies bij)",
        "database schema revision {current} is newer than this zorgadvies knows (upgrade zorgadvies)",
    ),
    "store.database_url": ("geen database-URL: {target!r}", "not a database URL: {target!r}"),
    "store.sqlite_too_old": (
        "SQLite {version} is te oud; zorgadvies heeft 3.35 of nieuwer nodig (werk Python of het besturingssysteem bij, of gebruik --database postgresql://...)",
        "SQLite {version} is too old; zorgadvies needs 3.35 or newer (upgrade Python or the operating system, or use --database postgresql://...)",
    ),
    "store.history_database_has_schema": (
        "de historiedatabase heeft schemaversie {version}; deze zorgadvies kent tot en met 1 (werk zorgadvies bij)",
        "history database has schema version {version}; this zorgadvies knows up to 1 (upgrade zorgadvies)",
    ),
    "store.unsupported_database_use_sqlite": (
        "database {drivername!r} wordt niet ondersteund: gebruik een SQLite-bestand of postgresql://",
        "unsupported database {drivername!r}: use a SQLite file or postgresql://",
    ),
    "store.zorgadvies_database_holds_tables": (
        "geen database van zorgadvies (hij bevat de tabellen {sorted})",
        "not a zorgadvies database (it holds the tables {sorted})",
    ),
    # --- tracking ----------------------------------------------------------------------------------
    "tracking.each_pillar_needs_id": ("elke pijler heeft een 'id' nodig", "each pillar needs an 'id'"),
    "tracking.each_recommendation_needs_id": (
        "elke aanbeveling heeft een 'id' nodig",
        "each recommendation needs an 'id'",
    ),
    "tracking.must_list": ("moet een lijst zijn", "must be a list"),
    "tracking.must_mapping": ("moet een mapping zijn", "must be a mapping"),
    "tracking.must_mapping_with_version": (
        "moet een mapping met 'version' en 'sha256' zijn",
        "must be a mapping with 'version' and 'sha256'",
    ),
    "tracking.must_stage_from_1": (
        "moet een stadium van 1 tot 4 of null zijn, niet {value!r}",
        "must be a stage from 1 to 4 or null, not {value!r}",
    ),
    "tracking.report_format_cannot_read": (
        "rapportformaat {version} kan deze zorgadvies niet lezen (hij leest {value}.x)",
        "report format {version} cannot be read by this zorgadvies (it reads {value}.x)",
    ),
    "tracking.zorgadvies_report_has_no": (
        "geen rapport van zorgadvies (het heeft geen 'schema_version' en 'pillars')",
        "not a zorgadvies report (it has no 'schema_version' and 'pillars')",
    ),
    # --- whatif ------------------------------------------------------------------------------------
    "whatif.expected_question_value": ("verwacht VRAAG=WAARDE, niet '{item}'", "expected QUESTION=VALUE, not '{item}'"),
    "whatif.target_stage_must_1": (
        "het doelstadium moet 1 tot 4 zijn, niet {target}",
        "target stage must be 1 to 4, not {target}",
    ),
    # --- workbook ----------------------------------------------------------------------------------
    "workbook.cannot_read_workbook": (
        "kan de werkmap niet lezen ({strerror})",
        "cannot read the workbook ({strerror})",
    ),
    "workbook.excel_workbook_xlsx_zorgadvies": (
        "geen Excel-werkmap (.xlsx) die zorgadvies kan lezen: {type_name}",
        "not an Excel workbook (.xlsx) zorgadvies can read: {type_name}",
    ),
    "workbook.expected": ("verwacht '{label}'", "expected '{label}'"),
    "workbook.header_says_expected": (
        "de kop zegt '{got}', verwacht '{expected}'",
        "the header says '{got}', expected '{expected}'",
    ),
    "workbook.message": ("{sheet}!{cell}: {reason}", "{sheet}!{cell}: {reason}"),
    "workbook.no_workbooks_given": ("geen werkmappen gegeven", "no workbooks given"),
    "workbook.one_answers_choose_one": (
        "'{raw}' is geen van de antwoorden op {qid}; kies er een uit de keuzelijst",
        "'{raw}' is not one of the answers to {qid}; choose one from the drop-down list",
    ),
    "workbook.organisation_name_empty": ("de naam van de organisatie is leeg", "the organisation's name is empty"),
    "workbook.question_code_where_belongs": (
        "vraagcode '{got}' waar '{qid}' hoort: er zijn rijen verplaatst of bewerkt",
        "question code '{got}' where '{qid}' belongs: rows were moved or edited",
    ),
    "workbook.respondent_has_two_workbooks": (
        "respondent '{data}' heeft twee werkmappen",
        "respondent '{data}' has two workbooks",
    ),
    "workbook.respondent_name_empty": ("de naam van de respondent is leeg", "the respondent's name is empty"),
    "workbook.sheet_has_question_rows": (
        "het blad heeft {value} vraagrijen, de vragenlijst {n_expected_ids}: er zijn rijen toegevoegd of verwijderd",
        "the sheet has {value} question rows, the questionnaire {n_expected_ids}: rows were added or removed",
    ),
    "workbook.this_sheet_missing_zorgadvies": (
        "dit blad ontbreekt: geen vragenlijst van zorgadvies, of hij is gewijzigd",
        "this sheet is missing: not a zorgadvies questionnaire, or it was changed",
    ),
    "workbook.this_workbook_for": (
        "deze werkmap is voor '{data}', niet voor '{org_name}'",
        "this workbook is for '{data}', not '{org_name}'",
    ),
    "workbook.unknown_role_one_empty": (
        "onbekende rol '{role}'; een van {ROLES} of leeg",
        "unknown role '{role}'; one of {ROLES} or empty",
    ),
    "workbook.workbook_kb_questionnaire_far": (
        "de werkmap is {value} kB; een vragenlijst is veel kleiner",
        "the workbook is {value} kB; a questionnaire is far smaller",
    ),
    "workbook.workbook_unpacks_more_than": (
        "de werkmap is uitgepakt groter dan 50 MB; geweigerd",
        "the workbook unpacks to more than 50 MB; refused",
    ),
    # --- yamlio ------------------------------------------------------------------------------------
    "yamlio.cannot_read": ("kan niet gelezen worden ({strerror})", "cannot be read ({strerror})"),
    "yamlio.directory_file": ("is een map, geen bestand", "is a directory, not a file"),
    "yamlio.duplicate_key": ("sleutel '{key}' komt twee keer voor", "duplicate key '{key}'"),
    "yamlio.file_holds_no_data": ("het bestand bevat geen gegevens", "the file holds no data"),
    "yamlio.larger_than_limit_for": (
        "is groter dan {max_bytes}, de grens voor een {what}{raise_with}",
        "is larger than {max_bytes}, the limit for a {what}{raise_with}",
    ),
    "yamlio.malformed_json": ("onjuiste JSON: {msg}", "malformed JSON: {msg}"),
    "yamlio.malformed_json_nested_too": ("onjuiste JSON: te diep genest", "malformed JSON: nested too deeply"),
    "yamlio.malformed_yaml": ("onjuiste YAML: {problem}", "malformed YAML: {problem}"),
    "yamlio.mapping_key_must_plain": (
        "een sleutel van een mapping moet een gewone waarde zijn",
        "a mapping key must be a plain value",
    ),
    "yamlio.nested_more_than_levels": (
        "meer dan {MAX_DEPTH} niveaus diep genest",
        "nested more than {MAX_DEPTH} levels deep",
    ),
    "yamlio.no_such_file": ("bestand bestaat niet", "no such file"),
    "yamlio.no_valid_file_name": (
        "is geen geldige bestandsnaam (hij bevat een NUL-byte)",
        "is no valid file name (it holds a NUL byte)",
    ),
    "yamlio.text_file_holds_nul": (
        "is geen tekstbestand (het bevat een NUL-byte)",
        "is not a text file (it holds a NUL byte)",
    ),
    "yamlio.usable_number": ("'{value}' is geen bruikbaar getal", "'{value}' is not a usable number"),
    "yamlio.utf_8_text_byte": (
        "is geen UTF-8-tekst (byte 0x{raw:02x} op positie {start})",
        "is not UTF-8 text (byte 0x{raw:02x} at offset {start})",
    ),
    "yamlio.what_file": ("bestand", "file"),
    "yamlio.whole_number_more_than": (
        "een geheel getal van meer dan {MAX_DIGITS} cijfers is niet bruikbaar",
        "a whole number of more than {MAX_DIGITS} digits is not usable",
    ),
    "yamlio.yaml_aliases_name_are": (
        "YAML-aliassen (*naam) zijn niet toegestaan",
        "YAML aliases (*name) are not allowed",
    ),
    "yamlio.yaml_tag_allowed_plain": (
        "YAML-tag '{tag}' is niet toegestaan (alleen gewone gegevens)",
        "YAML tag '{tag}' is not allowed (plain data only)",
    ),
}
