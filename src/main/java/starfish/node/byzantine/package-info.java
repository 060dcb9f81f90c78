/**
 * Byzantine behaviours (README, "Byzantine validators and crash faults"). A Byzantine validator runs the honest
 * core (it proposes, fetches what it misses and commits) but replaces its dissemination: it pushes only its own
 * blocks, when and to whom its strategy says, signs equivocating blocks for some strategies, and never answers requests.
 */
package starfish.node.byzantine;
