/*
 * geonames-dump.c — print the cities compiled into Debian's libgeonames
 * (GeoNames data, CC BY 4.0) as TSV: name, admin1, country alpha-2, lat,
 * lon, population. Built and run at build time by scripts/gen.d/gazetteer.
 */
#include <geonames/geonames.h>
#include <stdio.h>

int main(void)
{
    int n = geonames_get_n_cities();
    for (int i = 0; i < n; i++) {
        GeonamesCity *c = geonames_get_city(i);
        if (!c) continue;
        printf("%s\t%s\t%s\t%.4f\t%.4f\t%u\n", geonames_city_get_name(c),
               geonames_city_get_state(c) ? geonames_city_get_state(c) : "",
               geonames_city_get_country_code(c), geonames_city_get_latitude(c),
               geonames_city_get_longitude(c), geonames_city_get_population(c));
        geonames_city_free(c);
    }
    return 0;
}
