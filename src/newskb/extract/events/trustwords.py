"""Word lists of the last precision gate (``trust``), kept apart so the rules stay short."""

from __future__ import annotations

from newskb.extract.events.lexicon import word_set

REPORTING = word_set("say tell insist add write argue suggest note state explain declare")
TALK = word_set("speak talk phone telephone call conversation chat")
HOSTED = word_set(
    "summit meeting talks talk delegation visit conference counterpart leader leaders"
)
NEGATION_OK = word_set(
    """support endorse agree accept sign cooperate back recognize recognise comply meet
    approve ratify join"""
)
SUPPOSING = word_set("should could might may")
THREAT_WORDS = word_set("threaten threat warn vow ultimatum")
CONCEDING = word_set("allow approve cancel permit let authorize authorise call_off")
AID_WORDS = word_set(
    """aid assistance relief fund funds funding money loan loans grant grants weapon weapons
    arms food supplies medicine medicines equipment asylum donation donations humanitarian
    ammunition vaccine vaccines shelter troops soldiers peacekeepers forces personnel"""
)
MOBILIZING = word_set(
    """troops forces force soldiers army military police reserves reservists guard units
    warships tanks militia fighters brigade battalion navy jets"""
)
PROTEST_WORDS = word_set(
    """protest protests protester protesters protestor protestors demonstration demonstrations
    demonstrator demonstrators rioter rioters riot riots strike strikers boycott sit-in
    picket march marchers activists"""
)
PERSONAL_NEEDS = word_set(
    "help treatment comment comments counseling counselling care advice therapy"
)
SHARED_OK = word_set("intelligence information data technology expertise evidence")
PAPERS = word_set(
    "passport passports flag flags document documents card cards book books effigy mortgage"
)
RELUCTANCE = word_set("hesitancy hesitation reluctance unwillingness refusal failure")
PARTY_LABELS = word_set(
    "republican republicans democrat democrats democratic gop conservatives liberals progressives"
)
THREAT_MAKING = word_set("make issue repeat carry renew send deliver")
HABITUAL = word_set("typically usually generally traditionally often always normally")
DENIED = word_set(
    """attack attacks claim claims accusation accusations allegation allegations charge charges
    criticism suggestion suggestions report reports notion idea"""
)
GENERIC = word_set("people someone anyone everyone others somebody anybody everybody")
AGENT_NOUNS = word_set(
    """troops troop forces force police government officials leaders authorities army military
    soldiers people citizens diplomats negotiators delegation navy agents agent guards"""
)
PLACE_NOUNS = word_set("province state city county region district town village territory")
OFFERING = word_set("willing ready prepared committed determined about poised set due")
REQUESTING = word_set("call urge ask demand press push appeal")
TIES = word_set("tie ties relation relations embassy contact contacts consulate")
ABSTRACT = word_set(
    """chance chances hope hopes credibility reputation career campaign candidacy argument
    case image brand record legacy momentum prospect prospects skill skills"""
)
WISHING = word_set("like want hope wish prefer love")
BLOCKING = word_set("prevent stop block")
FORCE = word_set(
    """troops soldiers army military forces police militants rebels gunmen force weapon weapons
    gun guns tank tanks blockade checkpoint checkpoints arrest arrested detained"""
)
CRIMES = word_set(
    """murder murders killing killings shooting shootings crime crimes fraud corruption abuse
    abuses allegation allegations bombing bombings attack attacks hack hacking leak leaks
    misconduct wrongdoing bribery bribe bribes theft assault rape violation violations
    scandal collusion interference espionage laundering embezzlement torture massacre
    involvement role ties conduct"""
)
WORDS_TARGETS = word_set(
    """judge reporter reporters candidate candidates rival rivals opponent opponents critic
    critics media press senator governor president him her them me us you record records
    policy policies comment comments remarks character
    skill skills judgment position positions views plan plans proposal proposals"""
)
ATTACK_FORCE = word_set(
    """troops soldiers army military forces militants rebels gunmen gunman police bomb bombs
    rocket rockets missile missiles airstrike airstrikes gun guns shot shots killed dead
    wounded injured weapon weapons knife stabbed bomber bombing terrorist terrorists
    explosion physically punched kicked"""
)
