/** What a testbed host is to the orchestrator: its identity, addresses and status. */
package starfish.orchestrator.host;
