/*
 * tabari_cli.h — `dyad dict check|stats --dicts-tabari PROJECT`: the TABARI
 * project's dictionaries checked (every skipped line as file:line: message)
 * and counted (tabari_cli.c).
 */
#ifndef DYAD_TABARI_CLI_H
#define DYAD_TABARI_CLI_H

int dyad_tabari_cli_check(const char *project);
int dyad_tabari_cli_stats(const char *project);

#endif
