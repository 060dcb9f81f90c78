package starfish.node.dag;

import java.util.ArrayList;
import java.util.List;
import starfish.node.config.Committee;
import starfish.node.crypto.Digest;
import starfish.node.crypto.SigningKey;

/** Builds an authority's signed blocks, and the unsigned genesis blocks every validator derives alike. */
public final class BlockSigner {

    private final int author;
    private final SigningKey key;

    public BlockSigner(int author, SigningKey key) {
        this.author = author;
        this.key = key;
    }

    public int author() {
        return author;
    }

    public Block sign(long round, long creationTimeMs, List<BlockReference> parents,
            List<BlockReference> acknowledgements, Transactions transactions) {
        return sign(round, creationTimeMs, parents, acknowledgements, transactions, transactions.commitment());
    }

    /** Signs a block whose payload commitment is not the transactions' hash (the Starfish family's Merkle root). */
    public Block sign(long round, long creationTimeMs, List<BlockReference> parents,
            List<BlockReference> acknowledgements, Transactions transactions, Digest commitment) {
        Digest digest = BlockCodec.digestOf(author, round, creationTimeMs, parents, acknowledgements, commitment);
        return new Block(new BlockReference(author, round, digest), creationTimeMs, parents, acknowledgements,
                commitment, key.sign(digest), transactions);
    }

    /** Round 0: one empty block per authority, identical on every validator, never sent over the network. */
    public static List<Block> genesis(Committee committee) {
        List<Block> blocks = new ArrayList<>();
        Digest commitment = Transactions.EMPTY.commitment();
        for (int i = 0; i < committee.size(); i++) {
            Digest digest = BlockCodec.digestOf(i, 0, 0, List.of(), List.of(), commitment);
            blocks.add(new Block(new BlockReference(i, 0, digest), 0, List.of(), List.of(), commitment, new byte[0],
                    Transactions.EMPTY));
        }
        return blocks;
    }
}
