"""`datatrail`: the command line. It parses arguments and calls the kit's functions; nothing more.

This is the only place where a `KitError` becomes a message and an exit status (2, like a usage
error), so that youth workers and educators never see a Python traceback.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from kit import __version__
from kit.errors import KitError
from kit.group.board import DEFAULT_K, MIN_K

__all__ = ["main"]

EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
#: The scenario studio's notebook, among the workshops' (`datatrail studio` opens it).
STUDIO = "studio.ipynb"


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    arguments = parser.parse_args(argv)
    if arguments.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return arguments.run(arguments)
    except KitError as error:
        print(f"datatrail : erreur / error\n\n{error.format()}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        # A disk full, a folder that is really a file, a read-only USB stick: say which file, not a traceback.
        print(f"datatrail : impossible de lire ou d'écrire / cannot read or write {error.filename or ''}\n"
              f"  {error.strerror or error}\n"
              f"  à faire / fix: choisis un autre dossier, ou vérifie la place et les droits "
              f"/ pick another folder, or check free space and permissions", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("datatrail : interrompu, rien n'a été écrit à moitié / interrupted, nothing half-written",
              file=sys.stderr)
        return EXIT_INTERRUPTED


def _generate(arguments: argparse.Namespace) -> int:
    """Generate a scenario's synthetic data package (CSV + datapackage.json)."""
    from kit.engine.package import write_package
    from kit.engine.pipeline import generate
    from kit.scenario import load_scenario

    say = _Progress(quiet=arguments.quiet)
    scenario = load_scenario(arguments.scenario)
    seed = scenario.meta.seed if arguments.seed is None else arguments.seed
    out = arguments.out or Path("datasets") / "generated" / scenario.meta.id
    say.step(f"scénario / scenario « {scenario.meta.id} », graine / seed {seed}")
    tables = generate(scenario, seed=seed, teens=arguments.teens, crowd_size=arguments.crowd, progress=say.step)
    write_package(tables, scenario, seed=seed, out=out, progress=say.step)
    rows = sum(len(table) for table in tables.values())
    say.done(f"{rows:,} lignes écrites dans / rows written to {out}".replace(",", " "))
    return 0


def _check(arguments: argparse.Namespace) -> int:
    """Check a scenario file and list every problem with its line (writes nothing)."""
    from kit.scenario import load_scenario, resolve_scenario

    scenario = load_scenario(arguments.scenario)
    if not arguments.quiet:
        print(f"{resolve_scenario(arguments.scenario)} : scénario « {scenario.meta.id} » valide / valid "
              f"({len(scenario.places)} lieux / places, {len(scenario.apps)} applis / apps)")
    return 0


def _new(arguments: argparse.Namespace) -> int:
    """Start a scenario of your own: a commented copy of a bundled one, in a folder you edit."""
    from kit.scenario.starter import new_scenario

    path = new_scenario(arguments.name, source=getattr(arguments, "from"), out=arguments.out)
    print(f"{path} : copie de / copy of « {getattr(arguments, 'from')} ». Ensuite / next: "
          f"datatrail check {path.parent}")
    return 0


def _serve(arguments: argparse.Namespace) -> int:
    """Serve the workshops to the room (Voilà, app mode) with a room code and a QR code."""
    from kit.serve.session import serve

    if arguments.static is not None:
        from kit.serve.static import serve_static

        return serve_static(arguments.static, local=arguments.local, port=arguments.port)
    return serve(local=arguments.local, port=arguments.port, code=arguments.code, preheat=not arguments.no_preheat,
                 scenario=arguments.scenario, max_teens=arguments.max_teens, group_k=arguments.k, ages=arguments.ages)


def _studio(arguments: argparse.Namespace) -> int:
    """Open the scenario studio on this computer: adapt a scenario in forms, with live checks."""
    from kit.serve.session import serve

    return serve(local=True, port=arguments.port, preheat=False, scenario=arguments.scenario, page=STUDIO)


def _build(arguments: argparse.Namespace) -> int:
    """Build the workshops as a static site where Python runs in the browser (JupyterLite, offline)."""
    from kit.i18n import LANGUAGES, text
    from kit.site import build_site
    from kit.site.downloads import cache_dir

    say = _Progress(quiet=arguments.quiet)
    report = build_site(arguments.out, scenario=arguments.scenario, pyodide=arguments.pyodide,
                        language=arguments.lang, ages=arguments.ages, progress=say.step)
    say.done(f"site écrit dans / site written to {report.out} ({report.total_bytes / 1e6:.0f} Mo/MB, dont Pyodide "
             f"/ of which Pyodide {report.runtime_bytes / 1e6:.0f}, kit {report.kit_bytes / 1e6:.1f})")
    if report.missing:
        for language in LANGUAGES:
            if report.unreachable_url:
                print(text("site.build_unreachable", language, url=report.unreachable_url,
                           reason=report.unreachable_reason, cache=cache_dir()))
            print(text("site.build_missing", language, missing=", ".join(sorted(report.missing))))
    print(f"Pour l'ouvrir / to open it: datatrail serve --static {report.out}")
    return 0


def _guide(arguments: argparse.Namespace) -> int:
    """Print the facilitator guide (HTML + PDF book) and the teens' handouts in the scenario's law, after checking."""
    from kit.guide import build_guide, load_guides
    from kit.i18n import text

    if arguments.check:
        guides = load_guides(scenario=arguments.scenario)
        print(f"{guides.root} : guide valide / valid ({len(guides.workshops)} ateliers / workshops), "
              f"scénario / scenario {guides.words.scenario}")
        return 0
    say = _Progress(quiet=arguments.quiet)
    out = arguments.out or Path(text("guide.folder", arguments.lang))
    report = build_guide(out, language=arguments.lang, scenario=arguments.scenario, progress=say.step)
    say.done(f"{report.book_pdf} ({report.pages} pages), {report.handouts_pdf}")
    return 0


def _cards(arguments: argparse.Namespace) -> int:
    """Print every workshop's paper cards and the facilitator's answer keys, from the scenario's data."""
    from kit.guide import build_cards
    from kit.i18n import text

    say = _Progress(quiet=arguments.quiet)
    out = arguments.out or Path(text("cards.folder", arguments.lang))
    report = build_cards(out, scenario=arguments.scenario, language=arguments.lang,
                         workshops=arguments.workshop or None, progress=say.step)
    say.done(f"{len(report.pdfs)} PDF dans / in {report.out}")
    return 0


def _list(arguments: argparse.Namespace) -> int:
    """List the bundled scenarios and the workshops."""
    from kit.scenario import available_scenarios, load_scenario
    from kit.workshops import available_workshops

    print("Scénarios / scenarios:")
    for name in available_scenarios():
        title = load_scenario(name).meta.title
        print(f"  {name:<12} {title.get('fr', '')} / {title.get('en', '')}")
    print("Ateliers / workshops:")
    for workshop in available_workshops() or ["(aucun pour l'instant / none yet)"]:
        print(f"  {workshop}")
    return 0


def _parser() -> argparse.ArgumentParser:
    from kit.scenario import DEFAULT_SCENARIO

    parser = argparse.ArgumentParser(
        prog="datatrail",
        description="Kit Traces de données : ateliers d'éducation à la donnée sur données synthétiques. "
                    "/ Data Trail Kit: data-literacy workshops on synthetic data.")
    parser.add_argument("--version", action="version", version=f"data-trail-kit {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMANDE")

    generate = _command(commands, "generate", _generate)
    _scenario_option(generate)
    generate.add_argument("--seed", type=_count(0), help="graine / seed (défaut : celle du scénario)")
    generate.add_argument("--teens", type=_count(1), help="nombre d'ados / number of teens")
    generate.add_argument("--crowd", type=_count(1), help="habitant·es de la foule / crowd residents")
    generate.add_argument("--out", type=Path,
                          help="dossier de sortie / output folder (défaut : datasets/generated/SCÉNARIO)")

    check = _command(commands, "check", _check)
    check.add_argument("scenario", help="nom ou chemin du scénario / scenario name or path")

    new = _command(commands, "new", _new)
    new.add_argument("name", metavar="NOM", help="nom du nouveau scénario / new scenario's name (ex. : lyon)")
    new.add_argument("--from", default=DEFAULT_SCENARIO, metavar="SCÉNARIO",
                     help=f"scénario à copier / scenario to copy (défaut / default: {DEFAULT_SCENARIO})")
    new.add_argument("--out", type=Path, default=Path("."), metavar="DOSSIER",
                     help="où créer le dossier NOM / where to create the NAME folder (défaut : ici / here)")

    serve = _command(commands, "serve", _serve)
    serve.add_argument("--local", action="store_true",
                       help="seulement sur cet ordinateur / only on this computer (one shared screen)")
    serve.add_argument("--port", type=_count(1), default=8866, help="port (défaut / default: 8866)")
    serve.add_argument("--code", help="code de la salle / room code (défaut : tiré au hasard / random)")
    serve.add_argument("--no-preheat", action="store_true",
                       help="ne pas préparer d'avance une page par atelier (économise une page, ~60 Mo, par atelier) / "
                            "do not prepare a page per workshop in advance (saves a page, ~60 MB, per workshop)")
    serve.add_argument("--max-teens", type=_count(1), metavar="N",
                       help="au plus N ados à la fois (défaut : ce que la mémoire de l'ordinateur permet) / at most "
                            "N teens at once (default: what the laptop's memory holds)")
    serve.add_argument("--k", type=_count(MIN_K), metavar="K",
                       help=f"l'écran du groupe montre une figure à partir de K réponses (défaut : {DEFAULT_K}, au "
                            f"moins {MIN_K}) / the group screen shows a figure from K answers on (default: "
                            f"{DEFAULT_K}, at least {MIN_K})")
    serve.add_argument("--scenario", help="nom ou chemin du scénario des ateliers / the workshops' scenario name or "
                                          f"path (défaut / default: {DEFAULT_SCENARIO})")
    _ages_option(serve)
    serve.add_argument("--static", type=Path, metavar="DOSSIER",
                       help="servir un site construit par datatrail build / serve a site built by datatrail build")

    studio = _command(commands, "studio", _studio)
    studio.add_argument("--scenario",
                        help=f"scénario à adapter / scenario to adapt (défaut / default: {DEFAULT_SCENARIO})")
    studio.add_argument("--port", type=_count(1), default=8867, help="port (défaut / default: 8867)")

    build = _command(commands, "build", _build)
    build.add_argument("--out", type=Path, default=Path("site"), metavar="DOSSIER",
                       help="dossier du site / site folder (défaut : site)")
    _scenario_option(build)
    build.add_argument("--pyodide", metavar="CHEMIN|URL",
                       help="distribution complète de Pyodide (dossier, archive ou adresse), pour numpy et pandas / "
                            "Pyodide's full distribution (folder, archive or address), for numpy and pandas")
    _language_option(build, "langue de la page d'accueil / landing page language")
    _ages_option(build)

    guide = _command(commands, "guide", _guide)
    _language_option(guide)
    _scenario_option(guide)
    guide.add_argument("--out", type=Path, metavar="DOSSIER",
                       help="dossier de sortie / output folder (défaut : guide-animation, facilitator-guide)")
    guide.add_argument("--check", action="store_true",
                       help="seulement vérifier le guide, sans rien écrire / only check the guide, write nothing")

    cards = _command(commands, "cards", _cards)
    _language_option(cards)
    cards.add_argument("--out", type=Path, metavar="DOSSIER",
                       help="dossier de sortie / output folder (défaut : cartes, cards)")
    _scenario_option(cards)
    cards.add_argument("--workshop", action="append", choices=_workshops(), metavar="ATELIER",
                       help="seulement cet atelier (répétable) / only this workshop (repeatable): "
                            + ", ".join(_workshops()))

    _command(commands, "list", _list)
    return parser


def _scenario_option(command: argparse.ArgumentParser) -> None:
    from kit.scenario import DEFAULT_SCENARIO

    command.add_argument("--scenario", default=DEFAULT_SCENARIO,
                         help=f"nom ou chemin du scénario / scenario name or path "
                              f"(défaut / default: {DEFAULT_SCENARIO})")


def _ages_option(command: argparse.ArgumentParser) -> None:
    from kit.i18n import AGE_BANDS, DEFAULT_AGES

    command.add_argument("--ages", choices=list(AGE_BANDS), default=DEFAULT_AGES,
                         help=f"âge des ados : 11-13 donne des textes plus simples aux ateliers 3 et 4 (défaut : "
                              f"{DEFAULT_AGES}) / the teens' ages: 11-13 gives plainer texts in workshops 3 and 4 "
                              f"(default: {DEFAULT_AGES})")


def _language_option(command: argparse.ArgumentParser, what: str = "langue / language") -> None:
    from kit.i18n import DEFAULT_LANGUAGE, LANGUAGES

    command.add_argument("--lang", choices=list(LANGUAGES), default=DEFAULT_LANGUAGE,
                         help=f"{what} (défaut / default: {DEFAULT_LANGUAGE})")


def _workshops() -> list[str]:
    from kit.workshops import available_workshops

    return available_workshops()


def _command(commands: argparse._SubParsersAction, name: str, run: object) -> argparse.ArgumentParser:
    summary = (run.__doc__ or "").strip().splitlines()[0]
    command = commands.add_parser(name, help=summary, description=summary)
    command.add_argument("--quiet", "-q", action="store_true", help="sans messages de progression / no progress")
    command.set_defaults(run=run)
    return command


def _count(minimum: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"un nombre entier est attendu / a whole number is expected: "
                                             f"{text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"au moins / at least {minimum}: {value}")
        return value
    return parse


class _Progress:
    """Progress lines on stderr with elapsed time, so stdout stays clean for scripts."""

    def __init__(self, *, quiet: bool) -> None:
        self.quiet = quiet
        self.started = time.perf_counter()

    def step(self, message: str) -> None:
        if not self.quiet:
            print(f"  {time.perf_counter() - self.started:5.1f} s  {message}", file=sys.stderr, flush=True)

    def done(self, message: str) -> None:
        if not self.quiet:
            print(f"✓ {message} ({time.perf_counter() - self.started:.1f} s)", file=sys.stderr)
