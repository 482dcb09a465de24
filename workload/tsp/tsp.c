/*
 * tsp: the Travelling Salesman workload of wasimoff-eval (this project's own program).
 *
 *   tsp rand N [SEED]   pick N distinct cities (2 <= N <= 16) from the built-in table with a seeded
 *                       generator and try every one of the N! orders of visiting them (a closed
 *                       tour), printing the shortest length in km: "distance = <value>" (%.3f)
 *   tsp serverledge     the same for Serverledge's custom-runtime executor: parameters come as JSON
 *                       ({"n":"10"} or {"n":10}, optionally "seed") from the file named by
 *                       $PARAMS_FILE, and the result text is written to the file named by $RESULT_FILE
 *
 * N and SEED are plain decimal digits; SEED is 0 .. 2^64-1. Bad arguments print the problem and a
 * usage line to stderr and exit with status 2 (nothing is written to stdout or RESULT_FILE). Without
 * SEED the cities are chosen from the clock. The search is deliberately plain brute force (Heap's
 * algorithm over all N! permutations, each closed tour summed from scratch, no pruning), so its cost
 * grows as N! * N.
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

/* 64 German cities: city-centre latitude and longitude in degrees, rounded to 0.01, typed in from the
 * public coordinates Wikipedia and GeoNames list (see docs/tsp-workload.md). */
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

/* a whole decimal number (digits only: no sign, spaces or hex) no larger than max; 0 if not */
static int parse_number(const char *s, uint64_t max, uint64_t *value) {
    if (s == NULL || *s == '\0') return 0;
    uint64_t v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9') return 0;
        unsigned d = (unsigned)(*s - '0');
        if (v > (max - d) / 10) return 0; /* v * 10 + d would exceed max (or overflow) */
        v = v * 10 + d;
    }
    *value = v;
    return 1;
}

static uint64_t clock_seed(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (uint64_t)ts.tv_sec * 1000000007ULL ^ (uint64_t)ts.tv_nsec;
}

/*
 * A hand-written reader for the one flat JSON object Serverledge passes: {"key": value, ...} where a
 * value is a string or a bare token (number, true, false, null). Nested objects and arrays are
 * refused. The texts of "n" and "seed" are copied out; other keys are ignored.
 */
#define FIELD_SIZE 32
struct params {
    char n[FIELD_SIZE], seed[FIELD_SIZE];
    int has_n, has_seed;
};

static const char *skip_space(const char *p) {
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
    return p;
}

/* a JSON string starting at the opening quote into out (escapes kept only for \" \\ \/); NULL on error */
static const char *read_string(const char *p, char *out, size_t size) {
    size_t len = 0;
    if (*p++ != '"') return NULL;
    for (; *p != '"'; p++) {
        char ch = *p;
        if (ch == '\0' || (unsigned char)ch < 0x20) return NULL;
        if (ch == '\\') {
            ch = *++p;
            if (ch != '"' && ch != '\\' && ch != '/') return NULL; /* nothing else is needed here */
        }
        if (len + 1 >= size) return NULL;
        out[len++] = ch;
    }
    out[len] = '\0';
    return p + 1;
}

/* a bare value (number, true, false, null) into out; NULL on error */
static const char *read_token(const char *p, char *out, size_t size) {
    size_t len = 0;
    while ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '.' ||
           *p == '-' || *p == '+') {
        if (len + 1 >= size) return NULL;
        out[len++] = *p++;
    }
    if (len == 0) return NULL;
    out[len] = '\0';
    return p;
}

/* 1 and the fields on success, 0 with a reason in *error */
static int parse_params(const char *json, struct params *pr, const char **error) {
    char key[FIELD_SIZE], value[FIELD_SIZE];
    memset(pr, 0, sizeof *pr);
    *error = "PARAMS_FILE is not a flat JSON object";
    const char *p = skip_space(json);
    if (*p++ != '{') return 0;
    p = skip_space(p);
    if (*p == '}') return *skip_space(p + 1) == '\0';
    for (;;) {
        if (!(p = read_string(p, key, sizeof key))) return 0;
        p = skip_space(p);
        if (*p++ != ':') return 0;
        p = skip_space(p);
        int is_null = 0;
        if (*p == '"') {
            p = read_string(p, value, sizeof value);
        } else {
            p = read_token(p, value, sizeof value);
            is_null = p && strcmp(value, "null") == 0;
        }
        if (!p) return 0;
        if (strcmp(key, "n") == 0 || strcmp(key, "seed") == 0) {
            int is_n = key[0] == 'n';
            if (is_n ? pr->has_n : pr->has_seed) {
                *error = "duplicate key in PARAMS_FILE";
                return 0;
            }
            if (!is_null) { /* "seed": null means no seed */
                strcpy(is_n ? pr->n : pr->seed, value);
                if (is_n) pr->has_n = 1; else pr->has_seed = 1;
            }
        }
        p = skip_space(p);
        if (*p == ',') { p = skip_space(p + 1); continue; }
        if (*p != '}') return 0;
        return *skip_space(p + 1) == '\0';
    }
}

static int serverledge(void) {
    const char *params = getenv("PARAMS_FILE"), *result = getenv("RESULT_FILE");
    if (!params || !*params || !result || !*result) return usage("PARAMS_FILE and RESULT_FILE must be set");
    FILE *f = fopen(params, "r");
    if (!f) return usage("cannot read PARAMS_FILE");
    char json[4096];
    size_t len = fread(json, 1, sizeof json, f);
    fclose(f);
    if (len == sizeof json) return usage("PARAMS_FILE is too large");
    json[len] = '\0';
    if (strlen(json) != len) return usage("PARAMS_FILE contains a NUL byte");
    struct params pr;
    const char *error;
    if (!parse_params(json, &pr, &error)) return usage(error);
    uint64_t n, seed = 0;
    if (!pr.has_n || !parse_number(pr.n, MAX_N, &n) || n < 2) return usage("parameter n must be a whole number from 2 to 16");
    if (pr.has_seed && !parse_number(pr.seed, UINT64_MAX, &seed))
        return usage("parameter seed must be a whole number from 0 to 18446744073709551615");
    if (!pr.has_seed) seed = clock_seed();
    double best = shortest_tour((int)n, seed);
    FILE *out = fopen(result, "w");
    if (!out) return usage("cannot write RESULT_FILE");
    fprintf(out, "distance = %.3f\n", best);
    return fclose(out) == 0 ? 0 : 1;
}

int main(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "serverledge") == 0) return serverledge();
    if (argc < 3 || argc > 4 || strcmp(argv[1], "rand") != 0) return usage("unknown arguments");
    uint64_t n, seed;
    if (!parse_number(argv[2], MAX_N, &n) || n < 2) return usage("N must be a whole number from 2 to 16");
    if (argc == 4) {
        if (!parse_number(argv[3], UINT64_MAX, &seed))
            return usage("SEED must be a whole number from 0 to 18446744073709551615");
    } else {
        seed = clock_seed();
    }
    printf("distance = %.3f\n", shortest_tour((int)n, seed));
    return 0;
}
