package starfish.node.config;

import java.util.List;

/**
 * The validators and their stakes. A quorum is more than two thirds of the stake and validity more than one third;
 * with n = 3f+1 equal stakes these are the familiar 2f+1 and f+1.
 */
public final class Committee {

    private final List<Authority> authorities;
    private final long totalStake;

    public Committee(List<Authority> authorities) {
        if (authorities.isEmpty()) {
            throw new IllegalArgumentException("a committee needs at least one authority");
        }
        for (int i = 0; i < authorities.size(); i++) {
            if (authorities.get(i).index() != i) {
                throw new IllegalArgumentException("authority at position " + i + " has index "
                        + authorities.get(i).index() + "; indices must be 0..n-1 in order");
            }
        }
        this.authorities = List.copyOf(authorities);
        this.totalStake = authorities.stream().mapToLong(Authority::stake).sum();
    }

    public int size() {
        return authorities.size();
    }

    public Authority authority(int index) {
        return authorities.get(index);
    }

    public List<Authority> authorities() {
        return authorities;
    }

    public boolean isValidIndex(int index) {
        return index >= 0 && index < authorities.size();
    }

    public long stake(int authority) {
        return authorities.get(authority).stake();
    }

    public boolean isQuorum(long stake) {
        return 3 * stake > 2 * totalStake;
    }

    public boolean isValidity(long stake) {
        return 3 * stake > totalStake;
    }
}
