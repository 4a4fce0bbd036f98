"""The sixty readers who comment under the reference article."""

from __future__ import annotations

COMMENTERS = [
    {
        "name": "Zoë Ferreira",
        "email": "zoe.ferreira@example.com",
        "website": "https://example.net/zoe-ferreira",
    },
    {
        "name": "Łukasz Wójcik",
        "email": "lukasz.wojcik@example.net",
        "website": "",
    },
    {
        "name": "Ngozi Adeyemi-Okafor",
        "email": "ngozi.adeyemi.okafor@example.org",
        "website": "",
    },
    {
        "name": "Henrik Dalby",
        "email": "henrik.dalby@example.com",
        "website": "https://example.net/henrik-dalby",
    },
    {
        "name": "Maren Castell",
        "email": "maren.castell@example.net",
        "website": "",
    },
    {
        "name": "Oskar Vintila",
        "email": "oskar.vintila@example.org",
        "website": "",
    },
    {
        "name": "Sabine Roux-Adler",
        "email": "sabine.roux.adler@example.com",
        "website": "https://example.net/sabine-roux-adler",
    },
    {
        "name": "Tadeo Marquina",
        "email": "tadeo.marquina@example.net",
        "website": "",
    },
    {
        "name": "Ifeoma Chukwu",
        "email": "ifeoma.chukwu@example.org",
        "website": "",
    },
    {
        "name": "Rasmus Hellqvist",
        "email": "rasmus.hellqvist@example.com",
        "website": "https://example.net/rasmus-hellqvist",
    },
    {
        "name": "Aurélie Mansart",
        "email": "aurelie.mansart@example.net",
        "website": "",
    },
    {
        "name": "Jonah Pelletier",
        "email": "jonah.pelletier@example.org",
        "website": "",
    },
    {
        "name": "Mirela Dragomir",
        "email": "mirela.dragomir@example.com",
        "website": "https://example.net/mirela-dragomir",
    },
    {
        "name": "Kwame Asante-Boateng",
        "email": "kwame.asante.boateng@example.net",
        "website": "",
    },
    {
        "name": "Greta Lindqvist",
        "email": "greta.lindqvist@example.org",
        "website": "",
    },
    {
        "name": "Yusuf Demirel",
        "email": "yusuf.demirel@example.com",
        "website": "https://example.net/yusuf-demirel",
    },
    {
        "name": "Clodagh Brennan",
        "email": "clodagh.brennan@example.net",
        "website": "",
    },
    {
        "name": "Piotr Sobierajski",
        "email": "piotr.sobierajski@example.org",
        "website": "",
    },
    {
        "name": "Leontine Vasseur",
        "email": "leontine.vasseur@example.com",
        "website": "",
    },
    {
        "name": "Dmitri Halvorsen",
        "email": "dmitri.halvorsen@example.net",
        "website": "https://example.org/blog/dmitri-halvorsen",
    },
    {
        "name": "Anaïs Berthelot",
        "email": "anais.berthelot@example.org",
        "website": "",
    },
    {
        "name": "Samir Haddad-Lunde",
        "email": "samir.haddad.lunde@example.com",
        "website": "",
    },
    {
        "name": "Fenella Markham",
        "email": "fenella.markham@example.net",
        "website": "https://example.org/blog/fenella-markham",
    },
    {
        "name": "Bogdan Iliescu",
        "email": "bogdan.iliescu@example.org",
        "website": "",
    },
    {
        "name": "Chiara Benvenuti",
        "email": "chiara.benvenuti@example.com",
        "website": "",
    },
    {
        "name": "Mateus Carvalho-Reis",
        "email": "mateus.carvalho.reis@example.net",
        "website": "",
    },
    {
        "name": "Hanna Östlund",
        "email": "hanna.ostlund@example.org",
        "website": "https://example.com/~hanna-ostlund",
    },
    {
        "name": "Emeka Obiora",
        "email": "emeka.obiora@example.com",
        "website": "",
    },
    {
        "name": "Rosalind Thwaite",
        "email": "rosalind.thwaite@example.net",
        "website": "",
    },
    {
        "name": "Jiří Pavelka",
        "email": "jiri.pavelka@example.org",
        "website": "",
    },
    {
        "name": "Soledad Arriaga",
        "email": "soledad.arriaga@example.com",
        "website": "",
    },
    {
        "name": "Wim de Groot-Verhoef",
        "email": "wim.de.groot.verhoef@example.net",
        "website": "https://example.org/blog/wim-de-groot-verhoef",
    },
    {
        "name": "Nadia Benhamou",
        "email": "nadia.benhamou@example.org",
        "website": "",
    },
    {
        "name": "Callum Rafferty",
        "email": "callum.rafferty@example.com",
        "website": "",
    },
    {
        "name": "Ingrid Solvang",
        "email": "ingrid.solvang@example.net",
        "website": "",
    },
    {
        "name": "Tobias Wrenfield",
        "email": "tobias.wrenfield@example.org",
        "website": "",
    },
    {
        "name": "Amara Diallo-Sesay",
        "email": "amara.diallo.sesay@example.com",
        "website": "https://example.net/amara-diallo-sesay",
    },
    {
        "name": "Kasimir Obst",
        "email": "kasimir.obst@example.net",
        "website": "",
    },
    {
        "name": "Lucía Ventura",
        "email": "lucia.ventura@example.org",
        "website": "",
    },
    {
        "name": "Petra Hrubá",
        "email": "petra.hruba@example.com",
        "website": "",
    },
    {
        "name": "Felix Ambrose",
        "email": "felix.ambrose@example.net",
        "website": "",
    },
    {
        "name": "Yara Nasser",
        "email": "yara.nasser@example.org",
        "website": "https://example.com/~yara-nasser",
    },
    {
        "name": "Gideon Falk",
        "email": "gideon.falk@example.com",
        "website": "",
    },
    {
        "name": "Sunniva Rønning",
        "email": "sunniva.ronning@example.net",
        "website": "",
    },
    {
        "name": "Marek Dvořák",
        "email": "marek.dvorak@example.org",
        "website": "",
    },
    {
        "name": "Eleni Papadaki",
        "email": "eleni.papadaki@example.com",
        "website": "",
    },
    {
        "name": "Oisín Gallagher",
        "email": "oisin.gallagher@example.net",
        "website": "",
    },
    {
        "name": "Beatriz Lhomme",
        "email": "beatriz.lhomme@example.org",
        "website": "https://example.com/~beatriz-lhomme",
    },
    {
        "name": "Hamza Qureshi",
        "email": "hamza.qureshi@example.com",
        "website": "",
    },
    {
        "name": "Tove Bergstrand",
        "email": "tove.bergstrand@example.net",
        "website": "",
    },
    {
        "name": "Ruairí Nolan",
        "email": "ruairi.nolan@example.org",
        "website": "",
    },
    {
        "name": "Agnieszka Kowal",
        "email": "agnieszka.kowal@example.com",
        "website": "https://example.net/agnieszka-kowal",
    },
    {
        "name": "Desmond Achterberg",
        "email": "desmond.achterberg@example.net",
        "website": "",
    },
    {
        "name": "Mireille Fontaine-Ndiaye",
        "email": "mireille.fontaine.ndiaye@example.org",
        "website": "",
    },
    {
        "name": "Stellan Vik",
        "email": "stellan.vik@example.com",
        "website": "",
    },
    {
        "name": "Paloma Iturbe",
        "email": "paloma.iturbe@example.net",
        "website": "https://example.org/blog/paloma-iturbe",
    },
    {
        "name": "Viktor Sandgren",
        "email": "viktor.sandgren@example.org",
        "website": "",
    },
    {
        "name": "Ines Albuquerque",
        "email": "ines.albuquerque@example.com",
        "website": "",
    },
    {
        "name": "Bruno Tessaro",
        "email": "bruno.tessaro@example.net",
        "website": "",
    },
    {
        "name": "Halima Yusuf-Garba",
        "email": "halima.yusuf.garba@example.org",
        "website": "",
    },
]
