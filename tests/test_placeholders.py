"""The placeholder check on translator files written for these tests: a variable, inline
code or tag missing, added, changed or reordered is an error; the same placeholders in
another order where the syntax allows it, and plain text, give nothing."""

from __future__ import annotations

from pathlib import Path

from concord.config import Settings
from concord.pipeline import compare_files

XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="app" source-language="es" target-language="en" datatype="plaintext">
  <body>
{units}
  </body>
 </file>
</xliff>
"""


# a PO file's header: Spanish source, English target
PO_HEADER = 'msgid ""\nmsgstr ""\n"Language: en\\n"\n"X-Source-Language: es\\n"\n\n'


def _unit(uid: str, source: str, target: str) -> str:
    return f'   <trans-unit id="{uid}"><source>{source}</source><target>{target}</target></trans-unit>'


def _findings(tmp_path: Path, name: str, text: str) -> list[dict]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = compare_files([path], Settings(translator="none", checks=["placeholder"], source="es"))
    return result.findings()


def _xliff(tmp_path: Path, *units: tuple[str, str]) -> list[str]:
    body = "\n".join(_unit(str(k), s, t) for k, (s, t) in enumerate(units, 1))
    return [f["message"] for f in _findings(tmp_path, "app.xlf", XLIFF.format(units=body))]


def test_an_inline_code_missing_from_the_target(tmp_path):
    got = _xliff(tmp_path, ('Hola, <ph id="1">{0}</ph>. Tienes correo.', "Hello. You have mail."))
    assert got == ["Placeholder '{0}' (unit 1) is in app.xlf.es, not in app.xlf.en."]


def test_an_inline_code_added_to_the_target(tmp_path):
    got = _xliff(tmp_path, ("Guardado.", 'Saved <x id="1"/>.'))
    assert got == ["Placeholder '<x 1>' (unit 1) is in app.xlf.en, not in app.xlf.es."]


def test_a_markup_pair_missing_is_one_finding(tmp_path):
    got = _xliff(tmp_path, ('Pulsa <bpt id="1">&lt;b&gt;</bpt>Enviar<ept id="1">&lt;/b&gt;</ept>.', "Press Send."))
    assert got == ["Placeholder '<b>' (unit 1) is in app.xlf.es, not in app.xlf.en."]


def test_variables_written_in_the_text_are_compared_too(tmp_path):
    got = _xliff(tmp_path, ("Total: ${importe} para %(cliente)s.", "Total: ${amount} for %(cliente)s."))
    assert sorted(got) == ["Placeholder '${amount}' (unit 1) is in app.xlf.en, not in app.xlf.es.",
                           "Placeholder '${importe}' (unit 1) is in app.xlf.es, not in app.xlf.en."]


def test_the_same_codes_in_another_order_and_attributes_of_tags_pass(tmp_path):
    assert _xliff(tmp_path,
                  ('<ph id="1">{0}</ph> escribió a <ph id="2">{1}</ph>.', '<ph id="2">{1}</ph> got a letter from '
                   '<ph id="1">{0}</ph>.'),
                  ('Lee el &lt;a href="/es/ayuda"&gt;manual&lt;/a&gt;.', 'Read the &lt;a href="/en/help"&gt;manual'
                   '&lt;/a&gt;.'),
                  ("Subió un 50 % de media.", "It rose 50% on average.")) == []


def test_unnumbered_printf_directives_swapped_are_an_error(tmp_path):
    po = PO_HEADER + ('#, c-format\nmsgid "%s tiene %d años."\nmsgstr "%d years for %s."\n\n'
                      '#, c-format\nmsgid "%1$s tiene %2$d años."\nmsgstr "%2$d years for %1$s."\n\n'
                      '#, c-format\nmsgid "%s archivos"\nmsgstr "%d files"\n')
    got = [f["message"] for f in _findings(tmp_path, "app.po", po)]
    assert sorted(got) == ["Placeholder '%d' (unit 3) is in app.po.en, not in app.po.es.",
                           "Placeholder '%s' (unit 3) is in app.po.es, not in app.po.en.",
                           "Placeholders '%s %d' (unit 1) are filled in order; app.po.en has them as '%d %s', "
                           "so the values swap."]


def test_plain_text_versions_are_never_checked(tmp_path):
    (tmp_path / "story.es.txt").write_text("El ministro dijo {0} y <b>nada</b> más, un 20 %s.\n", encoding="utf-8")
    (tmp_path / "story.en.txt").write_text("The minister said nothing more, 20 per cent.\n", encoding="utf-8")
    result = compare_files([tmp_path / "story.es.txt", tmp_path / "story.en.txt"],
                           Settings(translator="none", checks=["placeholder"], source="es"))
    assert list(result.findings()) == []


def test_a_code_is_identified_by_its_id_not_by_the_text_shown_for_it(tmp_path):
    # the equiv-text is for people; a tool writes it with other spacing in the target, or
    # leaves it out: the same ids are the same codes
    assert _xliff(tmp_path,
                  ('Hola, <x id="INTERPOLATION" equiv-text="{{ user.name }}"/>.',
                   'Hello, <x id="INTERPOLATION" equiv-text="{{user.name}}"/>.'),
                  ('Borrar <x id="START_BOLD" equiv-text="&lt;b&gt;"/>todo<x id="CLOSE_BOLD" equiv-text="&lt;/b&gt;"/>',
                   'Delete <x id="START_BOLD"/>everything<x id="CLOSE_BOLD"/>')) == []
    got = _xliff(tmp_path, ('Hola, <x id="INTERPOLATION" equiv-text="{{ name }}"/>.',
                            'Hello, <x id="INTERPOLATION_1" equiv-text="{{ name }}"/>.'))
    assert sorted(got) == ["Placeholder '<x INTERPOLATION>' (unit 1) is in app.xlf.es, not in app.xlf.en.",
                           "Placeholder '<x INTERPOLATION_1>' (unit 1) is in app.xlf.en, not in app.xlf.es."]


def test_words_in_angle_brackets_are_text_and_tags_are_markup(tmp_path):
    # "<sin nombre>" is what the program shows; <b>...</b> and a void <br> are markup
    po = PO_HEADER + ('msgid "<sin nombre>"\nmsgstr "<unnamed>"\n\n'
                      'msgid "Pulsa <b>Enviar</b>"\nmsgstr "Press Send"\n\n'
                      'msgid "Línea uno<br>línea dos"\nmsgstr "Line one line two"\n')
    got = [f["message"] for f in _findings(tmp_path, "app.po", po)]
    assert sorted(got) == ["Placeholder '<b>' (unit 2) is in app.po.es, not in app.po.en.",
                           "Placeholder '<br>' (unit 3) is in app.po.es, not in app.po.en."]


def test_printf_codes_shown_in_one_version_only_are_still_filled_in_order(tmp_path):
    # the target leaves the equiv-text out: the ids say which directive each code is
    got = _xliff(tmp_path, ('<x id="1" equiv-text="%s"/> tiene <x id="2" equiv-text="%d"/> años.',
                            '<x id="2"/> years for <x id="1"/>.'),
                 ('<x id="1" equiv-text="%s"/> y <x id="2" equiv-text="%d"/>', '<x id="1"/> and <x id="2"/>'))
    assert got == ["Placeholders '%s %d' (unit 1) are filled in order; app.xlf.en has them as '%d %s', "
                   "so the values swap."]


def test_named_parameters_between_percent_signs_and_double_braces(tmp_path):
    """Message parameters written ``%name%`` (Symfony, Drupal) and interpolations written
    ``{{ name }}`` (Twig, Jinja, Angular) are filled by the program: one replaced by a
    fixed value in the translation is an error; spaces inside the braces are layout; a
    percentage is no parameter."""
    got = _xliff(tmp_path,
                 ("Vuelve a intentarlo en %minutes% minutos.", "Try again in 1 minute."),
                 ("El archivo pesa {{ size }} {{ suffix }}.", "The file is {{size}} {{ suffix }} large."),
                 ("Entre el 10% y el 20% de los casos.", "Between 10% and 20% of the cases."))
    assert got == ["Placeholder '%minutes%' (unit 1) is in app.xlf.es, not in app.xlf.en."]


def test_a_named_placeholder_counts_once_and_an_unnumbered_directive_each_time(tmp_path):
    """A plural message with one form per count repeats its named placeholder; a
    translation with fewer forms still fills it. An unnumbered directive is filled by its
    place, so each one counts."""
    got = _xliff(tmp_path,
                 ("Queda {{ n }} día.|Quedan {{ n }} días.", "{{ n }} days left."),
                 ("De %s a %s", "From %s"))
    assert got == ["Placeholder '%s' (unit 2) is in app.xlf.es, not in app.xlf.en."]
