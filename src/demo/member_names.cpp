#include "demo/member_names.h"

namespace imagross::demo {
namespace {

constexpr WeightedName kMaleFirstNames[] = {
    {"Giuseppe", 35},   {"Francesco", 34}, {"Antonio", 32},  {"Marco", 30},     {"Giovanni", 30},
    {"Alessandro", 30}, {"Andrea", 30},    {"Luca", 28},     {"Roberto", 22},   {"Stefano", 22},
    {"Paolo", 22},      {"Mario", 20},     {"Matteo", 20},   {"Luigi", 18},     {"Davide", 18},
    {"Simone", 18},     {"Massimo", 16},   {"Federico", 15}, {"Lorenzo", 15},   {"Riccardo", 14},
    {"Daniele", 14},    {"Fabio", 14},     {"Claudio", 14},  {"Giorgio", 14},   {"Salvatore", 14},
    {"Vincenzo", 14},   {"Michele", 14},   {"Gabriele", 12}, {"Mattia", 12},    {"Leonardo", 12},
    {"Sergio", 12},     {"Tommaso", 10},   {"Enrico", 10},   {"Emanuele", 10},  {"Pietro", 10},
    {"Filippo", 10},    {"Carlo", 10},     {"Alberto", 10},  {"Gianluca", 10},  {"Nicola", 10},
    {"Raffaele", 8},    {"Diego", 8},      {"Edoardo", 8},   {"Niccolò", 6},    {"Nicolò", 5},
    {"Samuele", 6},     {"Jacopo", 6},     {"Cristian", 6},  {"Pierluigi", 5},  {"Umberto", 5},
    {"Manuel", 5},      {"Ettore", 4},     {"Elia", 4},      {"Gian Marco", 3}, {"Thomas", 3},
    {"Noè", 2},
};

constexpr WeightedName kFemaleFirstNames[] = {
    {"Maria", 35},       {"Anna", 28},       {"Francesca", 25}, {"Giulia", 22},   {"Laura", 22},
    {"Sara", 20},        {"Chiara", 20},     {"Valentina", 18}, {"Elena", 18},    {"Silvia", 18},
    {"Paola", 18},       {"Alessandra", 16}, {"Giovanna", 16},  {"Cristina", 16}, {"Federica", 14},
    {"Martina", 14},     {"Roberta", 14},    {"Rosa", 14},      {"Angela", 14},   {"Lucia", 14},
    {"Barbara", 14},     {"Monica", 14},     {"Elisa", 14},     {"Daniela", 14},  {"Giorgia", 12},
    {"Sofia", 12},       {"Patrizia", 12},   {"Antonella", 12}, {"Simona", 12},   {"Aurora", 10},
    {"Alice", 10},       {"Ilaria", 10},     {"Serena", 10},    {"Beatrice", 8},  {"Michela", 8},
    {"Manuela", 8},      {"Emma", 8},        {"Teresa", 8},     {"Rita", 8},      {"Greta", 6},
    {"Noemi", 6},        {"Caterina", 6},    {"Carlotta", 5},   {"Annamaria", 5}, {"Ludovica", 4},
    {"Maria Grazia", 4}, {"Benedetta", 4},   {"Mirella", 3},
};

constexpr WeightedName kLastNames[] = {
    {"Rossi", 30},       {"Russo", 25},     {"Ferrari", 22},   {"Esposito", 22},
    {"Bianchi", 20},     {"Romano", 18},    {"Colombo", 18},   {"Ricci", 15},
    {"Marino", 15},      {"Greco", 15},     {"Bruno", 14},     {"Gallo", 14},
    {"Conti", 13},       {"De Luca", 13},   {"Mancini", 12},   {"Costa", 12},
    {"Giordano", 12},    {"Rizzo", 11},     {"Lombardi", 11},  {"Moretti", 11},
    {"Barbieri", 10},    {"Fontana", 10},   {"Santoro", 10},   {"Mariani", 10},
    {"Rinaldi", 10},     {"Caruso", 10},    {"Ferrara", 9},    {"Galli", 9},
    {"Martini", 9},      {"Leone", 9},      {"Longo", 9},      {"Gentile", 9},
    {"Martinelli", 9},   {"Vitale", 9},     {"Lombardo", 9},   {"Serra", 8},
    {"Coppola", 8},      {"De Santis", 8},  {"D'Angelo", 8},   {"Marchetti", 8},
    {"Parisi", 8},       {"Villa", 8},      {"Conte", 8},      {"Ferraro", 8},
    {"Brambilla", 7},    {"Ferri", 7},      {"Fabbri", 7},     {"Bianco", 7},
    {"Marini", 7},       {"Grasso", 7},     {"Valentini", 7},  {"Messina", 7},
    {"Sala", 7},         {"De Angelis", 7}, {"Gatti", 7},      {"Pellegrini", 7},
    {"Palumbo", 7},      {"Sanna", 7},      {"Farina", 7},     {"Rizzi", 7},
    {"Monti", 7},        {"Cattaneo", 7},   {"Morelli", 7},    {"Amato", 7},
    {"Silvestri", 6},    {"Mazza", 6},      {"Testa", 6},      {"Grassi", 6},
    {"Pellegrino", 6},   {"Carbone", 6},    {"Giuliani", 6},   {"Benedetti", 6},
    {"Barone", 6},       {"Rossetti", 6},   {"Caputo", 6},     {"Montanari", 6},
    {"Guerra", 6},       {"Palmieri", 6},   {"Bernardi", 6},   {"Martino", 6},
    {"Fiore", 6},        {"De Rosa", 6},    {"Ferretti", 6},   {"Bellini", 6},
    {"Basile", 6},       {"Riva", 6},       {"Donati", 6},     {"Locatelli", 5},
    {"Piras", 5},        {"Vitali", 5},     {"Battaglia", 5},  {"Sartori", 5},
    {"Neri", 5},         {"Costantini", 5}, {"Milani", 5},     {"Pagano", 5},
    {"Ruggiero", 5},     {"Sorrentino", 5}, {"D'Amico", 5},    {"Orlando", 5},
    {"D'Alessandro", 5}, {"Negri", 5},      {"Mauri", 5},      {"Galbiati", 4},
    {"Zanetti", 4},      {"Bonfanti", 4},   {"Pozzi", 4},      {"Dell'Acqua", 4},
    {"D'Agostino", 4},   {"La Rosa", 4},    {"Di Stefano", 4}, {"Sangalli", 4},
    {"Cazzaniga", 4},    {"Bonetti", 4},    {"Zanoni", 3},     {"Dall'Olio", 3},
    {"Dell'Orto", 3},    {"Lo Russo", 3},   {"Lo Bianco", 3},  {"Sant'Ambrogio", 2},
    {"Cantù", 2},        {"Lucà", 2},       {"Nicolò", 1},     {"Mazzà", 1},
};

}  // namespace

std::span<const WeightedName> male_first_names() {
  return kMaleFirstNames;
}
std::span<const WeightedName> female_first_names() {
  return kFemaleFirstNames;
}
std::span<const WeightedName> last_names() {
  return kLastNames;
}

}  // namespace imagross::demo
