package starfish.node.dag;

/** The checks a block passes before it enters the DAG; throws with the reason to count when it fails one. */
@FunctionalInterface
public interface BlockCheck {

    void verify(Block block) throws InvalidBlockException;
}
