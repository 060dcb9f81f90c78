package starfish.node.consensus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import starfish.node.TestKeys;
import starfish.node.config.Authority;
import starfish.node.config.Committee;
import starfish.node.crypto.SigningKey;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;
import starfish.node.dag.BlockSigner;
import starfish.node.dag.BlockStore;
import starfish.node.dag.Transactions;

/** Builds signed DAGs by hand for commit-rule tests: blocks go straight into a store that holds genesis. */
public final class TestDag {

    public final Committee committee;
    public final BlockStore store = new BlockStore();
    public final List<Block> genesis;
    private final BlockSigner[] signers;
    private long clockMs = 1_000;

    public TestDag(int n) {
        List<Authority> authorities = new ArrayList<>();
        signers = new BlockSigner[n];
        for (int i = 0; i < n; i++) {
            SigningKey key = TestKeys.of(i);
            authorities.add(new Authority(i, 1, key.publicKey(), "127.0.0.1", 0, 0));
            signers[i] = new BlockSigner(i, key);
        }
        committee = new Committee(authorities);
        genesis = BlockSigner.genesis(committee);
        genesis.forEach(store::add);
    }

    public BlockSigner signer(int author) {
        return signers[author];
    }

    /** A block of `author` in `round` whose parents are the given blocks, in that order (own previous first). */
    public Block block(int author, long round, Block... parents) {
        return block(author, round, Transactions.EMPTY, parents);
    }

    Block block(int author, long round, Transactions transactions, Block... parents) {
        List<BlockReference> references = Arrays.stream(parents).map(Block::reference).toList();
        Block block = signers[author].sign(round, clockMs++, references, List.of(), transactions);
        store.add(block);
        return block;
    }

    /** One block per author; each references its own previous block first, then all of `previous`. */
    public List<Block> fullRound(long round, List<Block> previous) {
        List<Block> blocks = new ArrayList<>();
        for (int author = 0; author < committee.size(); author++) {
            blocks.add(block(author, round, ownFirst(author, previous)));
        }
        return blocks;
    }

    public static Block[] ownFirst(int author, List<Block> previous) {
        List<Block> ordered = new ArrayList<>();
        previous.stream().filter(b -> b.author() == author).forEach(ordered::add);
        previous.stream().filter(b -> b.author() != author).forEach(ordered::add);
        return ordered.toArray(Block[]::new);
    }

    Committer committer() {
        return committer(LeaderSchedule.pipelined(committee.size()), new MysticetiSkipRule(committee));
    }

    Committer committer(LeaderSchedule schedule, SkipRule skipRule) {
        return new Committer(committee, store, schedule, skipRule);
    }

    /** Full rounds from+1..to on top of `previous`; returns the last round. */
    List<Block> fullRounds(long from, long to, List<Block> previous) {
        List<Block> last = previous;
        for (long round = from + 1; round <= to; round++) {
            last = fullRound(round, last);
        }
        return last;
    }
}
