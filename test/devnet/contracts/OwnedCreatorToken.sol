pragma solidity ^0.4.24;

// A creator token with an owner: the smallest ERC-20 that exposes owner(), as Ownable tokens do.
// Compiled by test/devnet/compileOwnedToken.ts (solc 0.4.26 from npm); the devnet deploys the output.
contract OwnedCreatorToken {
    string public name;
    string public symbol;
    uint8 public constant decimals = 18;
    uint256 public totalSupply;
    address public owner;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed holder, address indexed spender, uint256 value);
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    constructor(string _name, string _symbol, uint256 _supply, address _owner) public {
        name = _name;
        symbol = _symbol;
        totalSupply = _supply;
        owner = _owner;
        balanceOf[_owner] = _supply;
        emit OwnershipTransferred(address(0), _owner);
        emit Transfer(address(0), _owner, _supply);
    }

    function transfer(address to, uint256 value) public returns (bool) {
        return move(msg.sender, to, value);
    }

    function approve(address spender, uint256 value) public returns (bool) {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) public returns (bool) {
        require(allowance[from][msg.sender] >= value);
        allowance[from][msg.sender] -= value;
        return move(from, to, value);
    }

    function transferOwnership(address newOwner) public {
        require(msg.sender == owner);
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }

    function move(address from, address to, uint256 value) internal returns (bool) {
        require(to != address(0) && balanceOf[from] >= value);
        balanceOf[from] -= value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
        return true;
    }
}
