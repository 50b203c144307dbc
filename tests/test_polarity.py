"""Polarity evidence: negated clauses counted by each language's grammar, antonyms from
WordNet and negative prefixes, and reversal() against faithful rewordings."""

import pytest

from concord.checks._reversal import reversal
from concord.facts.polarity import _wordnet, antonyms, negations, prefix_base
from concord.lexicon import get_lexicon

needs_wordnet = pytest.mark.skipif(not _wordnet()[0], reason="WordNet data (wordnet-base) not installed")


def test_negative_concord_counts_once_in_spanish():
    assert len(negations("No vimos a nadie ni oímos nada.", "es")) == 1
    assert len(negations("Nunca dijo nada.", "es")) == 1
    assert len(negations("No vino y no llamó.", "es")) == 2
    assert len(negations("No sólo llovió, también nevó.", "es")) == 0
    assert len(negations("Saldrá a no ser que llueva.", "es")) == 0


def test_english_negations_and_non_negating_phrases():
    assert len(negations("They didn't call, and we never knew.", "en")) == 2
    assert len(negations("There was no water and no food.", "en")) == 1
    assert len(negations("Not only did it rain, it snowed.", "en")) == 0
    assert len(negations("He reached No. 3 on the chart.", "en")) == 0


def test_prefix_antonyms_by_rule_in_both_languages():
    assert prefix_base("impossible", "en") == "possible"
    assert prefix_base("imposible", "es") == "posible"
    assert prefix_base("desconocido", "es") == "conocido"
    assert prefix_base("important", "en") is None  # "portant" is not a word
    assert prefix_base("invitation", "en") is None


@needs_wordnet
def test_wordnet_antonyms_with_inflections():
    assert "hate" in antonyms("loved")
    assert "small" in antonyms("larger")
    assert "bad" in antonyms("better")
    assert "open" in antonyms("closed")


def test_added_negation_is_a_reversal():
    r = reversal("The minister said the bridge is safe for lorries.", "en",
                 "The minister said the bridge is safe for lorries.",
                 "El ministro dijo que el puente no es seguro para camiones.", "es",
                 "The minister said that the bridge is not safe for lorries.")
    assert r is not None and r.kind == "negation" and r.words == ("", "no")


def test_negation_said_another_way_is_not_a_reversal():
    # "unsafe" / "no es seguro", "hardly" / "no ... casi": same meaning
    assert reversal("The minister said the bridge is unsafe for lorries.", "en",
                    "The minister said the bridge is unsafe for lorries.",
                    "El ministro dijo que el puente no es seguro para camiones.", "es",
                    "The minister said that the bridge is not safe for lorries.") is None
    assert reversal("Residents hardly noticed the storm last night.", "en",
                    "Residents hardly noticed the storm last night.",
                    "Los vecinos casi no notaron la tormenta anoche.", "es",
                    "The residents almost did not notice the storm last night.") is None


@needs_wordnet
def test_antonym_is_a_reversal_and_a_reworded_sentence_is_not():
    r = reversal("The factory will remain closed until May.", "en",
                 "The factory will remain closed until May.",
                 "La fábrica permanecerá abierta hasta mayo.", "es",
                 "The factory will remain open until May.")
    assert r is not None and r.kind == "antonym" and r.words == ("closed", "open")
    # the same meaning in other words: no evidence
    assert reversal("The factory will stay shut until May.", "en",
                    "The factory will stay shut until May.",
                    "La fábrica permanecerá cerrada hasta mayo.", "es",
                    "The factory will remain closed until May.") is None


def test_prefix_antonym_is_a_reversal():
    r = reversal("Officials called the plan impossible to finance this year.", "en",
                 "Officials called the plan impossible to finance this year.",
                 "Los funcionarios dijeron que el plan es posible de financiar este año.", "es",
                 "The officials said that the plan is possible to finance this year.")
    assert r is not None and r.kind == "antonym" and r.words[0] == "impossible"


def test_a_loose_match_is_not_enough():
    # a negation, but the rest of the sentences share little: not a clear flip
    assert reversal("Nobody expected the verdict.", "en", "Nobody expected the verdict.",
                    "El fallo sorprendió a todos los presentes en la sala.", "es",
                    "The ruling surprised everybody present in the room.") is None


def test_implied_negation_counts_in_each_language():
    assert len(negations("The old town is free of cars.", "en")) == 1
    assert len(negations("Salió sin paraguas.", "es")) == 1
    assert len(negations("Se fue sin decir nada.", "es")) == 1  # concord after "sin"
    assert len(negations("No lo hizo sin ayuda.", "es")) == 2   # "no ... sin" = with
    assert len(negations("The team was far from ready.", "en")) == 1


def test_a_negated_implied_negation_is_a_reversal():
    # "not free of" = has them; "no tiene" = has none
    es, es_mt = ("El nuevo distrito no tiene coches los días laborables.",
                 "The new district does not have cars on the weekdays.")
    r = reversal("The new district is not free of cars on weekdays.", "en",
                 "The new district is not free of cars on weekdays.", es, "es", es_mt)
    # a double negative says the positive: the Spanish version is the one that negates
    assert r is not None and r.kind == "negation" and r.words == ("", "no")
    assert reversal("The new district is free of cars on weekdays.", "en",
                    "The new district is free of cars on weekdays.", es, "es", es_mt) is None


def test_split_not_only_and_the_adjective_solo():
    assert negations("Esto no se aplicaría únicamente al cine.", "es") == []
    assert len(negations("Pero no está siempre solo.", "es")) == 1  # "solo" = alone


def test_reversative_prefix_is_not_a_negation_said_another_way():
    # "desaparecer" is not "never shrink": the negation is added
    r = reversal("Without rain, the lake could never shrink this summer.", "en",
                 "Without rain, the lake could never shrink this summer.",
                 "Sin lluvia, el lago podría desaparecer este verano.", "es",
                 "Without rain, the lake could disappear this summer.")
    assert r is not None and r.kind == "negation" and r.words == ("never", "")
    # "disagree" is "do not agree": the other side negates the base
    assert reversal("The unions disagree with the plan.", "en", "The unions disagree with the plan.",
                    "Los sindicatos no están de acuerdo con el plan.", "es",
                    "The unions do not agree with the plan.") is None


def test_privative_suffix_says_the_negation():
    # "powerless" = "sin electricidad"
    assert reversal("The village was left powerless after the storm.", "en",
                    "The village was left powerless after the storm.",
                    "El pueblo quedó sin electricidad tras la tormenta.", "es",
                    "The village remained without electricity after the storm.") is None


@needs_wordnet
def test_a_degree_word_before_a_comparative_is_not_an_antonym():
    assert "many" in antonyms("fewer")
    assert reversal("There were far fewer buses this year.", "en", "There were far fewer buses this year.",
                    "Hubo muchos menos autobuses este año.", "es",
                    "There were many less buses this year.") is None


_MILL_EN = '"The old mill is not on its last legs," the owner told reporters.'
_MILL_ES = ('"El viejo molino está para el arrastre", afirmó su propietario.',
            '"The old mill is for the drag", affirmed his proprietor.')


def test_a_negation_inside_a_quote_needs_a_looser_match():
    # an idiom inside the quote: MT shares few words with the human text
    quoted = [(1, _MILL_EN.index(',"'))]
    r = reversal(_MILL_EN, "en", _MILL_EN, _MILL_ES[0], "es", _MILL_ES[1], quoted, [(1, 38)])
    # the negated words have no counterpart in the other version: weaker evidence
    assert r is not None and r.kind == "negation" and r.words == ("not", "") and not r.confident
    assert 0.1 <= r.similarity < 0.45
    # the same sentences without quotation marks: the match is too loose
    assert reversal(_MILL_EN, "en", _MILL_EN, _MILL_ES[0], "es", _MILL_ES[1]) is None


def test_an_implied_negation_inside_a_quote_needs_the_full_match():
    en = '"The old mill is far from its last days," the owner told reporters.'
    assert reversal(en, "en", en, _MILL_ES[0], "es", _MILL_ES[1], [(1, en.index(',"'))]) is None


def test_a_prefix_antonym_inside_a_quote_needs_a_looser_match():
    en = '"That was an unimportant vote for the club," the coach told reporters.'
    es, mt = ('"Fue una votación importante para el club", afirmó su entrenador.',
              '"It was an important vote for the club", affirmed his trainer.')
    r = reversal(en, "en", en, es, "es", mt, [(1, en.index(',"'))], [(1, es.index('",'))])
    assert r is not None and r.kind == "antonym" and r.words == ("unimportant", "important")
    assert r.similarity < 0.45
    assert reversal(en, "en", en, es, "es", mt) is None


# --- the same place in both versions (composed sentences; the English reading of the
# Spanish is written the way a word-for-word machine translation reads) ----------------

def _es(es: str, mt: str, en: str):
    return reversal(en, "en", en, es, "es", mt)


@needs_wordnet
def test_antonyms_at_different_places_are_no_reversal():
    # "second" and "first" speak of different meetings
    assert _es("Dijo que el alcalde quiere volver a reunirse tras la primera reunión celebrada en marzo en Lima.",
               "It said that the mayor wants to go back to gather after the first meeting held in March in Lima.",
               "He said the mayor wants a second meeting after their initial meeting in Lima in March.") is None
    # "took" and "gave" belong to different clauses
    assert _es("La opinión del ministro fue mucho más dura en la entrevista que dio ayer.",
               "The opinion of the minister was much harder in the interview that gave yesterday.",
               "The minister took a much harder line in yesterday's interview.") is None


@needs_wordnet
@pytest.mark.skipif(get_lexicon() is None, reason="Apertium's spa-eng data (the bilingual lexicon) not installed")
def test_a_word_the_lexicon_places_elsewhere_is_no_antonym():
    # "alejados" is "away"; its reading "move" is not where "stay" is
    assert _es("Las autoridades pidieron a los vecinos que se mantuviesen alejados del río durante la noche.",
               "The authorities asked the neighbours that they maintained move of the river during the night.",
               "The authorities asked residents to stay away from the river during the night.") is None


@needs_wordnet
def test_a_substituted_antonym_is_a_reversal_even_where_the_word_recurs():
    r = _es("El club registró más de dos millones de visitas, casi un tercio más que en 2019.",
            "The club registered more than two million visits, almost a third more than in 2019.",
            "The club registered fewer than two million visits, almost a third more than in 2019.")
    assert r is not None and r.kind == "antonym" and r.words == ("fewer", "more") and r.confident
    # opposite prepositions
    r = _es("El puente fue cerrado después de la tormenta de 2010.",
            "The bridge was closed after the storm of 2010.",
            "The bridge was closed before the 2010 storm.")
    assert r is not None and r.words == ("before", "after")


@needs_wordnet
def test_indirect_antonyms_are_a_warning():
    r = _es("La crisis tuvo consecuencias enormes para la economía de la región.",
            "The crisis had enormous consequences for the economy of the region.",
            "The crisis had minuscule consequences for the region's economy.")
    assert r is not None and r.kind == "antonym" and not r.confident


def test_both_versions_negate_in_their_own_grammar():
    # negative concord: "no hay ninguna" is one negation; "tampoco" continues "nunca"
    assert _es("Nunca he ocultado mis opiniones, tampoco durante la campaña.",
               "Never I have hid my opinions, neither during the campaign.",
               "I have never hidden my opinions, including during the campaign.") is None
    assert _es("La empresa ya no fabrica coches en la ciudad.",
               "The company already does not manufacture cars in the city.",
               "The company no longer makes cars in the city.") is None
    assert _es("En esas condiciones no hay ninguna posibilidad de que firmemos el acuerdo.",
               "In these conditions there is not any possibility that we sign the agreement.",
               "Under those conditions there is no way we will sign the agreement.") is None
    # a negator in a hyphenated compound negates no clause
    assert len(negations('Each "no-confidence" motion makes the party weaker.', "en")) == 0


def test_sin_negates_only_its_complement():
    assert _es("Paraguay, un país sin litoral, busca una salida al mar.",
               "Paraguay, a country without coast, looks for an exit to the sea.",
               "Landlocked Paraguay is looking for a way to the sea.") is None
    assert _es("Llegaron sus colegas, sin olvidar al célebre cantante, que cambió de nombre.",
               "His colleagues arrived, without forgetting to the famous singer, that changed of name.",
               "His colleagues came, as did the famous singer, who changed his name.") is None


def test_a_negation_said_in_other_words():
    assert _es("Perdió a su hermano poco después de la muerte de su padre.",
               "It lost to his brother shortly after the death of his father.",
               "She lost her brother not long after the death of his father.") is None
    assert _es("Varios países decidieron dejar de reconocer al gobierno de la isla.",
               "Several countries decided to leave to recognise to the government of the island.",
               "Several countries decided to no longer recognize the island's government.") is None
    assert _es("Los manifestantes gritaban ni olvido ni perdón frente al tribunal.",
               "The demonstrators shouted neither forget neither pardon in front of the court.",
               "The protesters shouted no forgetting, no forgiveness outside the court.") is None


def test_a_negative_word_after_a_comparative_is_ever():
    assert negations("El equipo se siente más fuerte que nunca.", "es") == []
    assert negations("Fue el final más emocionante visto jamás.", "es") == []
    assert len(negations("El hombre que nunca vino.", "es")) == 1
    assert _es("El equipo se siente más fuerte ahora que nunca antes en su historia.",
               "The team feels stronger now that never before in his history.",
               "The team feels stronger now than ever before in its history.") is None


def test_escaped_apostrophes_keep_the_negation():
    assert len(negations("Can''t open the file.", "en")) == 1
    assert len(negations("Can\\'t open the file.", "en")) == 1
    assert _es("No se puede abrir el archivo.", "It can not open the file.", "Can''t open the file.") is None


def test_one_negation_answers_one_negation():
    r = _es("No sabía que este iba a ser el año más difícil de su carrera.",
            "It did not know that this went to be the most difficult year of his career.",
            "He didn't know this was not going to be the most difficult year of his career.")
    assert r is not None and r.kind == "negation" and r.words == ("not", "") and r.confident


def test_an_added_negation_is_an_error_and_a_negated_claim_without_counterpart_a_warning():
    r = _es("El comité fue fundado en 1950 por un grupo de médicos.",
            "The committee was founded in 1950 by a group of doctors.",
            "The committee was not founded in 1950 by a group of doctors.")
    assert r is not None and r.kind == "negation" and r.confident
    # the negated words have no counterpart ("surrender" / "resist"): weaker evidence
    r = _es('La alcaldesa dijo: "Resistiremos".', 'The mayor said: "We will resist".',
            'The mayor said: "We will not surrender".')
    assert r is not None and r.kind == "negation" and not r.confident


def test_a_double_negative_with_an_affix_is_a_reversal():
    r = _es("El diseñador es indiferente a la moda de su época.",
            "The designer is indifferent to the fashion of his time.",
            "The designer is not indifferent to the fashion of his time.")
    assert r is not None and r.kind == "negation"


def test_not_with_an_affixal_negative_says_the_base():
    # "not unprecedented" = there were precedents; "no hay precedentes" = there were none
    r = _es("Aunque no hay precedentes de la subida en la región, la caída es habitual.",
            "Although there are not precedents of the rise in the region, the fall is usual.",
            "While the rise is not unprecedented in the region, the fall is not.")
    assert r is not None and r.kind == "negation"


def test_words_that_continue_a_negation_answer_no_other_negation():
    # "no ... ni ... ni" is one negation: it cannot answer the second "not" as well
    r = _es("No se debe conceder ni a personas ni a empresas acceso al gobierno por haber hecho donaciones.",
            "It does not have to concede neither to people neither to companies access to the government "
            "for having made donations.",
            "No access to government should be granted to people or companies because they have not "
            "made donations.")
    assert r is not None and r.kind == "negation"


def test_a_negative_implicative_verb_says_the_negation():
    # "failed to qualify" entails "did not qualify"
    assert _es("El equipo no ha logrado clasificarse para la final.",
               "The team has not attained to classify for the final.",
               "The team has failed to qualify for the final.") is None


# --- indirect antonyms, word order, aspect and relative clauses -------------------------

@needs_wordnet
def test_synonyms_of_an_antonym_pair_are_indirect_antonyms():
    from concord.facts.polarity import indirect_antonyms

    assert indirect_antonyms("increased", "diminished") == "verb"  # increase / decrease = diminish
    assert indirect_antonyms("son", "daughter") == "noun"
    # an auxiliary and a verb of motion share no antonym pair (only their troponyms would)
    assert indirect_antonyms("was", "went") is None
    # an inflected verb goes through the adjective clusters only where it is an adjective
    assert indirect_antonyms("early", "advanced") is None
    assert indirect_antonyms("early", "advanced", adjective=True) == "adjective"


@needs_wordnet
def test_a_verb_replaced_by_a_synonym_of_its_antonym_is_a_warning():
    r = _es("Las ventas disminuyeron mucho en la región durante el invierno pasado.",
            "The sales diminished a lot in the region during the last winter.",
            "Sales increased a lot in the region last winter.")
    assert r is not None and r.kind == "antonym" and r.words == ("increased", "diminished") and not r.confident


@needs_wordnet
@pytest.mark.skipif(get_lexicon() is None, reason="Apertium's spa-eng data (the bilingual lexicon) not installed")
def test_a_short_noun_antonym_is_a_reversal():
    # "hijo" is in the lexicon for both "son" and "daughter": it tells neither
    r = _es("Su hijo nació en Valparaíso en 1990 y estudió medicina.",
            "His son was born in Valparaíso in 1990 and studied medicine.",
            "His daughter was born in Valparaíso in 1990 and studied medicine.")
    assert r is not None and r.kind == "antonym" and r.words == ("daughter", "son")


@needs_wordnet
def test_a_participle_after_an_article_is_an_adjective():
    r = _es("Los médicos encontraron la enfermedad en una fase avanzada en marzo durante una visita rutinaria.",
            "The doctors found the illness in an advanced phase in March during a routine visit.",
            "The doctors found the disease at an early stage in March during a routine visit.")
    assert r is not None and r.kind == "antonym" and r.words == ("early", "advanced")


@needs_wordnet
def test_a_word_said_twice_is_tied_to_its_own_place():
    # "first" twice in the reading: the one where "last" stands is free
    r = _es("El primer tramo se abrió en 2001 y se amplió por primera vez en 2005.",
            "The first stretch opened in 2001 and widened for the first time in 2005.",
            "The last stretch opened in 2001 and was first widened in 2005.")
    assert r is not None and r.words == ("last", "first")


def test_a_stopped_action_against_one_that_goes_on_is_a_reversal():
    r = _es("El alcalde prometió seguir financiando el festival el próximo año.",
            "The mayor promised to follow financing the festival the next year.",
            "The mayor promised to stop funding the festival next year.")
    assert r is not None and r.kind == "antonym" and r.words == ("stop", "seguir financiando")
    assert not r.confident
    # the same aspect on both sides
    assert _es("El alcalde prometió seguir financiando el festival el próximo año.",
               "The mayor promised to follow financing the festival the next year.",
               "The mayor promised to keep funding the festival next year.") is None


def test_a_negated_relative_clause_without_counterpart_is_a_word_said_in_a_clause():
    # "landlocked" is said by the relative clause "que no tienen salida al mar"
    assert _es("El tratado protege a los países que no tienen salida al mar.",
               "The treaty protects the countries that do not have exit to the sea.",
               "The treaty protects the landlocked countries.") is None


@needs_wordnet
def test_both_versions_holding_both_words_is_no_reversal():
    assert _es("El curso explica la copia superficial y la copia profunda de los objetos.",
               "The course explains the shallow copy and the deep copy of the objects.",
               "The course explains deep and shallow copies of objects.") is None


def test_a_gerund_takes_no_negative_prefix():
    assert prefix_base("informando", "es") is None  # informar, not formando negated
    assert prefix_base("imposible", "es") == "posible"


def test_the_reading_of_no_solo_negates_nothing():
    assert negations("They enjoy no only the sun but the sea.", "en") == []
    r = _es("Los vecinos disfrutan no sólo del sol sino también del mar.",
            "The neighbours enjoy no only of the sun but also of the sea.",
            "The neighbours don't enjoy the sun, but they also enjoy the sea.")
    assert r is not None and r.kind == "negation"


@needs_wordnet
def test_a_negated_base_near_the_other_word_is_an_indirect_antonym():
    from concord.facts.polarity import indirect_antonyms

    # happy refers to contented (WordNet's see also), whose head words include content
    assert indirect_antonyms("unhappy", "content") == "adjective"
    assert indirect_antonyms("happy", "content") is None


def test_not_even_opening_a_clause_continues_its_negation():
    # "not even" after a negated clause is elliptical, like "ni siquiera": one negated clause
    assert len(negations("He is not fit for this court, not even for a lower one.", "en")) == 1
    assert len(negations("He did not call, and she did not even write.", "en")) == 2
    # the reading of "ni siquiera" no longer hides the negation the English adds
    r = _es("Aceptó la oferta del club, aunque no habló con la prensa, ni siquiera con su agente.",
            "It accepted the offer of the club, although it did not speak with the press, not even with his agent.",
            "He did not accept the club's offer, although he did not speak to the press or even to his agent.")
    assert r is not None and r.kind == "negation"


@needs_wordnet
def test_a_comparison_of_inferiority_against_one_of_superiority_is_a_reversal():
    r = _es("Es uno de los problemas más graves de la ciudad, según el informe.",
            "It is one of the gravest problems of the city, according to the report.",
            "It is one of the least serious problems of the city, according to the report.")
    assert r is not None and r.kind == "antonym" and r.words == ("least serious", "gravest")
    assert not r.confident  # serious and grave: synonyms from one adjective cluster
    # the inferior degree of a word says the superior degree of its antonym
    assert _es("El nuevo modelo es menos caro que el anterior, dijo la empresa.",
               "The new model is less expensive than the previous, said the company.",
               "The new model is cheaper than the previous one, the company said.") is None


@needs_wordnet
def test_a_word_after_a_determiner_is_no_verb_of_a_converse_pair():
    # lend / borrow are converses; "loans" after "few" is a noun (a loanword), not "lend"
    assert _es("La lengua recibió poca influencia y pocos préstamos del francés durante aquel siglo.",
               "The language received little influence and few loans of the French during that century.",
               "The language received very little influence and borrowing from French during that century.") is None


def test_a_negative_determiner_after_but_opens_a_negation_of_its_own():
    assert len(negations("They cannot open the border but there is no date for it yet.", "en")) == 2
    assert len(negations("No vino pero nadie lo notó.", "es")) == 2
    assert len(negations("He is not rich but poor.", "en")) == 1


def test_a_negated_claim_said_plainly_inside_a_quote_needs_only_a_loose_match():
    from concord.facts.quotes import extract_quotes

    es = ("“Cuando el gobierno lo declare zona catastrófica, podremos pedir ayuda exterior, pero todavía no "
          "lo ha hecho”, explicó la alcaldesa.")
    mt = ("“When the government declare it catastrophic zone, will be able to ask help exterior, but still it "
          "has not done it”, explained the mayoress.")
    en = ("“When the government declares it a disaster area, we cannot ask for help from abroad, but it has "
          "not happened yet,” the mayor said.")

    def quoted(t):
        return [(q.start, q.end) for q in extract_quotes(t)]

    r = reversal(en, "en", en, es, "es", mt, quoted(en), quoted(es))
    assert r is not None and r.kind == "negation" and r.confident
    # the same sentences without quotation marks match too loosely for a reversal
    assert reversal(en, "en", en, es, "es", mt) is None


@needs_wordnet
def test_a_negated_degree_of_inferiority_says_the_word_itself():
    # "no less just" = at least as just: against "igual de injusto" the two say opposite things;
    # "no more just" says what the Spanish says
    es = "Según los sindicatos, el nuevo reparto de las ayudas agrícolas es igual de injusto que el reparto anterior."
    mt = ("According to the unions, the new distribution of the agricultural aids is equal of unjust that the "
          "previous distribution.")
    r = _es(es, mt, "According to the unions, the new distribution of agricultural aid is no less just than the "
                    "previous distribution.")
    assert r is not None and r.kind == "antonym" and r.words == ("just", "unjust")
    assert _es(es, mt, "According to the unions, the new distribution of agricultural aid is no more just than "
                       "the previous distribution.") is None


@pytest.mark.skipif(get_lexicon() is None, reason="Apertium's spa-eng data (the bilingual lexicon) not installed")
def test_a_function_word_takes_no_negative_prefix():
    assert prefix_base("unless", "en") is None  # a conjunction, not "less" negated
    assert "less" not in antonyms("unless")
    assert prefix_base("unfair", "en") == "fair"


@needs_wordnet
def test_the_opposite_degree_of_another_quality_at_one_place_is_a_warning():
    # "more firm" against "less assertive": two qualities, one place, opposite degrees
    r = _es("En la negociación, el sindicato se muestra más firme que nunca, según los mediadores.",
            "In the negotiation, the union shows firmer than ever, according to the mediators.",
            "In the negotiation, the union is less assertive than ever, according to the mediators.")
    assert r is not None and r.kind == "antonym" and not r.confident
    # opposite qualities in opposite degrees say one thing (more distant / less close)
    assert _es("El pueblo está más lejos de la costa que la ciudad, según el mapa.",
               "The village is more distant from the coast than the city, according to the map.",
               "The village is less close to the coast than the city, according to the map.") is None

