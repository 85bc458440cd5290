#include "demo/stores.h"

#include <array>

namespace imagross::demo {
namespace {

constexpr std::array<StoreSpec, 20> kStores = {{
    {"PV01", "ImaGross Milano Lorenteggio", "Milano", "MI", "Lombardia", "02", 2400, -6210},
    {"PV02", "ImaGross Milano Città Studi", "Milano", "MI", "Lombardia", "02", 1500, -4903},
    {"PV03", "ImaGross Bergamo Longuelo", "Bergamo", "BG", "Lombardia", "035", 2000, -5832},
    {"PV04", "ImaGross Brescia Sant'Eufemia", "Brescia", "BS", "Lombardia", "030", 2200, -5511},
    {"PV05", "ImaGross Monza San Fruttuoso", "Monza", "MB", "Lombardia", "039", 1800, -4420},
    {"PV06", "ImaGross Como Camerlata", "Como", "CO", "Lombardia", "031", 1300, -4077},
    {"PV07", "ImaGross Varese Masnago", "Varese", "VA", "Lombardia", "0332", 1600, -3745},
    {"PV08", "ImaGross Pavia Borgo Ticino", "Pavia", "PV", "Lombardia", "0382", 1200, -3390},
    {"PV09", "ImaGross Lodi San Bernardo", "Lodi", "LO", "Lombardia", "0371", 1100, -3018},
    {"PV10", "ImaGross Cremona Po", "Cremona", "CR", "Lombardia", "0372", 1400, -2764},
    {"PV11", "ImaGross Piacenza Farnesiana", "Piacenza", "PC", "Emilia-Romagna", "0523", 1500,
     -2499},
    {"PV12", "ImaGross Parma Montanara", "Parma", "PR", "Emilia-Romagna", "0521", 2100, -2237},
    {"PV13", "ImaGross Reggio Emilia Rosta Nuova", "Reggio nell'Emilia", "RE", "Emilia-Romagna",
     "0522", 1700, -1985},
    {"PV14", "ImaGross Modena Sacca", "Modena", "MO", "Emilia-Romagna", "059", 1900, -1702},
    {"PV15", "ImaGross Bologna San Donato", "Bologna", "BO", "Emilia-Romagna", "051", 2500, -1460},
    {"PV16", "ImaGross Verona Borgo Roma", "Verona", "VR", "Veneto", "045", 2000, -1188},
    {"PV17", "ImaGross Padova Arcella", "Padova", "PD", "Veneto", "049", 1800, -903},
    {"PV18", "ImaGross Novara Sant'Agabio", "Novara", "NO", "Piemonte", "0321", 1200, -611},
    {"PV19", "ImaGross Torino Lingotto", "Torino", "TO", "Piemonte", "011", 2300, 290},
    {"PV20", "ImaGross Firenze Novoli", "Firenze", "FI", "Toscana", "055", 1600, 495},
}};

}  // namespace

std::span<const StoreSpec> store_specs() {
  return kStores;
}

int32_t store_opening_day(const StoreSpec& store, int32_t first_day) {
  return first_day + store.opening_offset_days;
}

}  // namespace imagross::demo
