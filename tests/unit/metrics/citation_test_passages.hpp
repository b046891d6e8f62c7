// The passages of METRICS.md §10.2 (E, L, S, B), shared by the citation metric tests.
#pragma once

#include "metrics/metric.hpp"

namespace evalpanel::metrics::testing {

inline const Source kEiffel{.url = "https://en.wikipedia.org/wiki/Eiffel_Tower",
                            .title = "Eiffel Tower",
                            .text = "The Eiffel Tower is a wrought-iron lattice tower in Paris, France. It was "
                                    "completed in 1889 and is 330 metres tall.",
                            .date = ""};
inline const Source kLouvre{.url = "https://en.wikipedia.org/wiki/Louvre",
                            .title = "Louvre",
                            .text = "The Louvre is the world's most-visited art museum, located in Paris. It "
                                    "received 8.9 million visitors in 2023.",
                            .date = ""};
inline const Source kSeine{.url = "https://en.wikipedia.org/wiki/Seine",
                           .title = "Seine",
                           .text = "The Seine is a 777-kilometre river flowing through Paris into the English "
                                   "Channel.",
                           .date = ""};
inline const Source kBananas{.url = "https://en.wikipedia.org/wiki/Banana",
                             .title = "Bananas",
                             .text = "Bananas are rich in potassium and grow in tropical climates.",
                             .date = ""};

}  // namespace evalpanel::metrics::testing
