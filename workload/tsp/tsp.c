/*
 * tsp: the Travelling Salesman workload of wasimoff-eval.
 *
 *   tsp rand N [SEED]   pick N distinct cities (2 <= N <= 16) from the built-in table with a seeded
 *                       generator and try every one of the N! orders of visiting them (a closed
 *                       tour), printing the shortest length in km: "distance = <value>"
 *   tsp serverledge     the same for Serverledge's custom-runtime executor: parameters come as JSON
 *                       ({"n":"10"} or {"n":10}, optionally "seed") from the file named by
 *                       $PARAMS_FILE, and the result text is written to the file named by $RESULT_FILE
 *
 * Bad arguments print a usage line to stderr and exit with status 2. Without SEED the cities are
 * chosen from the clock. The search is deliberately plain brute force (Heap's algorithm over all N!
 * permutations, each tour summed from scratch), so its cost grows as N! * N.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_N 16

struct city {
    const char *name;
    double lat, lon;
};

/* 64 German cities, latitude and longitude in degrees (rounded to 0.01). */
static const struct city CITIES[] = {
    {"Aachen", 50.78, 6.08},      {"Augsburg", 48.37, 10.90},    {"Bamberg", 49.89, 10.89},
    {"Bayreuth", 49.95, 11.58},   {"Berlin", 52.52, 13.40},      {"Bielefeld", 52.02, 8.53},
    {"Bochum", 51.48, 7.22},      {"Bonn", 50.74, 7.10},         {"Braunschweig", 52.27, 10.52},
    {"Bremen", 53.08, 8.80},      {"Bremerhaven", 53.54, 8.58},  {"Chemnitz", 50.83, 12.92},
    {"Cottbus", 51.76, 14.33},    {"Darmstadt", 49.87, 8.65},    {"Dortmund", 51.51, 7.47},
    {"Dresden", 51.05, 13.74},    {"Duisburg", 51.43, 6.76},     {"Duesseldorf", 51.23, 6.78},
    {"Erfurt", 50.98, 11.03},     {"Essen", 51.46, 7.01},        {"Flensburg", 54.79, 9.44},
    {"Frankfurt", 50.11, 8.68},   {"Freiburg", 47.99, 7.84},     {"Fulda", 50.55, 9.68},
    {"Goettingen", 51.54, 9.93},  {"Halle", 51.48, 11.97},       {"Hamburg", 53.55, 9.99},
    {"Hannover", 52.38, 9.73},    {"Heidelberg", 49.40, 8.67},   {"Heilbronn", 49.14, 9.22},
    {"Ingolstadt", 48.77, 11.42}, {"Jena", 50.93, 11.59},        {"Kaiserslautern", 49.44, 7.77},
    {"Karlsruhe", 49.01, 8.40},   {"Kassel", 51.31, 9.48},       {"Kiel", 54.32, 10.14},
    {"Koblenz", 50.36, 7.59},     {"Koeln", 50.94, 6.96},        {"Konstanz", 47.66, 9.18},
    {"Leipzig", 51.34, 12.37},    {"Luebeck", 53.87, 10.69},     {"Magdeburg", 52.13, 11.63},
    {"Mainz", 50.00, 8.27},       {"Mannheim", 49.49, 8.47},     {"Muenchen", 48.14, 11.58},
    {"Muenster", 51.96, 7.63},    {"Nuernberg", 49.45, 11.08},   {"Oldenburg", 53.14, 8.21},
    {"Osnabrueck", 52.28, 8.05},  {"Passau", 48.57, 13.43},      {"Potsdam", 52.39, 13.06},
    {"Regensburg", 49.01, 12.10}, {"Rostock", 54.09, 12.10},     {"Saarbruecken", 49.24, 6.99},
    {"Schwerin", 53.64, 11.41},   {"Siegen", 50.87, 8.02},       {"Stuttgart", 48.78, 9.18},
    {"Trier", 49.75, 6.64},       {"Ulm", 48.40, 9.99},          {"Wiesbaden", 50.08, 8.24},
    {"Wolfsburg", 52.42, 10.79},  {"Wuerzburg", 49.79, 9.95},    {"Wuppertal", 51.26, 7.15},
    {"Zwickau", 50.72, 12.50},
};
#define NCITIES ((int)(sizeof CITIES / sizeof CITIES[0]))

/* splitmix64: a tiny, well-known generator with identical output on every platform */
static uint64_t rng_state;
static uint64_t next_random(void) {
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* great-circle distance in km (haversine, mean Earth radius 6371 km) */
static double km(const struct city *a, const struct city *b) {
    const double rad = 3.14159265358979323846 / 180.0;
    double dlat = (b->lat - a->lat) * rad, dlon = (b->lon - a->lon) * rad;
    double h = sin(dlat / 2) * sin(dlat / 2) + cos(a->lat * rad) * cos(b->lat * rad) * sin(dlon / 2) * sin(dlon / 2);
    return 2 * 6371.0 * asin(sqrt(h));
}

static double shortest_tour(int n, uint64_t seed) {
    int pick[NCITIES];
    for (int i = 0; i < NCITIES; i++) pick[i] = i;
    rng_state = seed;
    for (int i = 0; i < n; i++) { /* partial Fisher-Yates: the first n entries become the chosen cities */
        int j = i + (int)(next_random() % (uint64_t)(NCITIES - i));
        int t = pick[i]; pick[i] = pick[j]; pick[j] = t;
    }
    double dist[MAX_N][MAX_N];
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) dist[i][j] = km(&CITIES[pick[i]], &CITIES[pick[j]]);

    int order[MAX_N], c[MAX_N];
    for (int i = 0; i < n; i++) { order[i] = i; c[i] = 0; }
    double best = INFINITY;
    for (int i = 0;;) { /* Heap's algorithm: every permutation once */
        double length = dist[order[n - 1]][order[0]];
        for (int k = 1; k < n; k++) length += dist[order[k - 1]][order[k]];
        if (length < best) best = length;
        while (i < n && c[i] >= i) { c[i] = 0; i++; }
        if (i >= n) break;
        int j = (i % 2 == 0) ? 0 : c[i];
        int t = order[j]; order[j] = order[i]; order[i] = t;
        c[i]++;
        i = 0;
    }
    return best;
}

static int usage(const char *problem) {
    fprintf(stderr, "tsp: %s\nusage: tsp rand N [SEED]   (2 <= N <= %d)\n       tsp serverledge   (with $PARAMS_FILE and $RESULT_FILE)\n",
            problem, MAX_N);
    return 2;
}

/* a whole number in [lo, hi] from text, or -1 */
static long long parse_number(const char *s, long long lo, long long hi) {
    if (s == NULL || *s == '\0') return -1;
    char *end;
    long long v = strtoll(s, &end, 10);
    if (*end != '\0' || v < lo || v > hi) return -1;
    return v;
}

static uint64_t clock_seed(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (uint64_t)ts.tv_sec * 1000000007ULL ^ (uint64_t)ts.tv_nsec;
}

/* the value of "key" in a flat JSON object, as a string or number, copied into out; 0 if absent */
static int json_field(const char *json, const char *key, char *out, size_t size) {
    char pattern[32];
    snprintf(pattern, sizeof pattern, "\"%s\"", key);
    const char *p = strstr(json, pattern);
    if (!p) return 0;
    p += strlen(pattern);
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
    if (*p++ != ':') return 0;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
    int quoted = (*p == '"');
    if (quoted) p++;
    size_t len = 0;
    while (p[len] && (quoted ? p[len] != '"' : (p[len] != ',' && p[len] != '}' && p[len] != ' ' && p[len] != '\n')))
        len++;
    if (len == 0 || len >= size) return 0;
    memcpy(out, p, len);
    out[len] = '\0';
    return 1;
}

static int serverledge(void) {
    const char *params = getenv("PARAMS_FILE"), *result = getenv("RESULT_FILE");
    if (!params || !*params || !result || !*result) return usage("PARAMS_FILE and RESULT_FILE must be set");
    FILE *f = fopen(params, "r");
    if (!f) return usage("cannot read PARAMS_FILE");
    char json[4096];
    size_t len = fread(json, 1, sizeof json - 1, f);
    fclose(f);
    json[len] = '\0';
    char text[32];
    long long n = json_field(json, "n", text, sizeof text) ? parse_number(text, 2, MAX_N) : -1;
    if (n < 0) return usage("parameter n must be a whole number from 2 to 16");
    uint64_t seed = clock_seed();
    if (json_field(json, "seed", text, sizeof text)) {
        long long s = parse_number(text, 0, INT64_MAX);
        if (s < 0) return usage("parameter seed must be a non-negative whole number");
        seed = (uint64_t)s;
    }
    FILE *out = fopen(result, "w");
    if (!out) return usage("cannot write RESULT_FILE");
    fprintf(out, "distance = %.3f\n", shortest_tour((int)n, seed));
    return fclose(out) == 0 ? 0 : 1;
}

int main(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "serverledge") == 0) return serverledge();
    if (argc < 3 || argc > 4 || strcmp(argv[1], "rand") != 0) return usage("unknown arguments");
    long long n = parse_number(argv[2], 2, MAX_N);
    if (n < 0) return usage("N must be a whole number from 2 to 16");
    uint64_t seed = clock_seed();
    if (argc == 4) {
        long long s = parse_number(argv[3], 0, INT64_MAX);
        if (s < 0) return usage("SEED must be a non-negative whole number");
        seed = (uint64_t)s;
    }
    printf("distance = %.3f\n", shortest_tour((int)n, seed));
    return 0;
}
