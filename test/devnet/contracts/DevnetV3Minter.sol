pragma solidity ^0.4.24;

// Devnet only: adds liquidity to a Uniswap V3 pool for the caller. A V3 pool's mint() calls the
// minter back (uniswapV3MintCallback) to be paid; the periphery's NonfungiblePositionManager does
// that on real chains but is not installed here, so this is the smallest contract that can.
// Compiled with the solc 0.4.26 in node_modules (test/devnet/compileMinter.ts); the bytecode is
// committed in v3Minter.ts and a unit test recompiles this file to check it.

interface IERC20Like {
    function transferFrom(address from, address to, uint256 value) external returns (bool);
}

interface IUniswapV3PoolLike {
    function token0() external view returns (address);
    function token1() external view returns (address);
    function mint(address recipient, int24 tickLower, int24 tickUpper, uint128 amount, bytes data) external returns (uint256, uint256);
}

contract DevnetV3Minter {
    address private payer;
    address private pool;

    function mint(address pool_, int24 tickLower, int24 tickUpper, uint128 amount) external {
        payer = msg.sender;
        pool = pool_;
        IUniswapV3PoolLike(pool_).mint(msg.sender, tickLower, tickUpper, amount, "");
        payer = address(0);
        pool = address(0);
    }

    function uniswapV3MintCallback(uint256 amount0Owed, uint256 amount1Owed, bytes) external {
        require(msg.sender == pool, "only the pool being minted");
        if (amount0Owed > 0) require(IERC20Like(IUniswapV3PoolLike(msg.sender).token0()).transferFrom(payer, msg.sender, amount0Owed), "token0");
        if (amount1Owed > 0) require(IERC20Like(IUniswapV3PoolLike(msg.sender).token1()).transferFrom(payer, msg.sender, amount1Owed), "token1");
    }
}
