package starfish.node.dag;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import starfish.node.config.Authority;
import starfish.node.config.Committee;
import starfish.node.crypto.SigningKey;

/** Inputs for the benchmarks: committees with the deterministic genesis keys, transactions, fully connected DAGs. */
public final class DagFixtures {
    /** As the load generator makes them: 512-byte transactions, an 8-byte creation timestamp first. */
    public static final int TRANSACTION_BYTES = 512;

    private DagFixtures() {
    }

    public static Committee committee(int size) {
        List<Authority> authorities = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            SigningKey key = SigningKey.derived(0, i);
            authorities.add(new Authority(i, 1, key.publicKey(), "127.0.0.1", 0, 0));
        }
        return new Committee(authorities);
    }

    /** `count` length-prefixed 512-byte transactions, as the load generator frames them. */
    public static Transactions transactions(int count, Random random) {
        ByteBuffer data = ByteBuffer.allocate(count * (4 + TRANSACTION_BYTES));
        byte[] transaction = new byte[TRANSACTION_BYTES];
        for (int i = 0; i < count; i++) {
            random.nextBytes(transaction);
            ByteBuffer.wrap(transaction).putLong(0, 1_000L + i);
            data.putInt(TRANSACTION_BYTES).put(transaction);
        }
        return new Transactions(data.flip(), count);
    }

    /**
     * Rounds 1..`rounds` of a DAG in which every authority references all blocks of the previous round (its own
     * first), as round lists; genesis (round 0) is the first list. Blocks carry `transactionsPerBlock`.
     */
    public static List<List<Block>> fullDag(Committee committee, int rounds, int transactionsPerBlock) {
        int n = committee.size();
        BlockSigner[] signers = new BlockSigner[n];
        for (int i = 0; i < n; i++) {
            signers[i] = new BlockSigner(i, SigningKey.derived(0, i));
        }
        Transactions payload = transactions(transactionsPerBlock, new Random(7));
        List<List<Block>> dag = new ArrayList<>();
        dag.add(BlockSigner.genesis(committee));
        for (long round = 1; round <= rounds; round++) {
            List<Block> previous = dag.get(dag.size() - 1);
            List<Block> blocks = new ArrayList<>(n);
            for (int author = 0; author < n; author++) {
                List<BlockReference> parents = new ArrayList<>(n);
                parents.add(previous.get(author).reference());
                for (Block parent : previous) {
                    if (parent.author() != author) {
                        parents.add(parent.reference());
                    }
                }
                blocks.add(signers[author].sign(round, round * 100, parents, List.of(), payload));
            }
            dag.add(blocks);
        }
        return dag;
    }
}
